namespace Jarvis.Server.PersonaPlex.Clock;

/// <summary>
/// The one clock of a PersonaPlex session (Moshi and Realtime backends alike), started when the session is ready: the
/// audio sent stands for each moment of wall time once. Room audio takes the place of the silence it stands for; room audio more than one 20 ms packet ahead of the clock is
/// refused (trimmed); silence fills only the time the room leaves empty; a stall of the process is skipped, never caught up
/// with a burst (every frame sent advances the model's clock and its window). Amounts are 24 kHz samples.
/// Not thread-safe: the uplink (Realtime) or the live session (Moshi) serialises its callers.
/// </summary>
internal sealed class InputClock
{
    /// <summary>20 ms at 24 kHz: the unit of silence, and how far room audio may run ahead.</summary>
    public const int QuantumSamples = 480;

    /// <summary>With a room attached, silence is added once its audio lags by this much (100 ms: its jitter stays below).</summary>
    public const int RoomLagSamples = 5 * QuantumSamples;

    /// <summary>
    /// Without a room the stream is kept 40 ms behind the clock (20–80 ms between the session's ticks of at most 40 ms), so a
    /// room that joins has 40–100 ms for early packets and 20–80 ms for late ones before anything is trimmed or filled.
    /// </summary>
    public const int IdleLagSamples = 2 * QuantumSamples;

    /// <summary>A lag beyond one second (the process or a timer stalled) is skipped instead of being caught up.</summary>
    public const int SkipLagSamples = 24000;

    private readonly TimeProvider _time;
    private long _started;
    private long _taken;
    private long _skipped;

    public InputClock(TimeProvider time)
    {
        _time = time;
        _started = time.GetTimestamp();
    }

    /// <summary>Samples taken on the clock (room audio admitted and silence handed out) since <see cref="Restart"/>.</summary>
    public long TakenSamples => _taken;

    /// <summary>Samples of wall time skipped after stalls.</summary>
    public long SkippedSamples => _skipped;

    /// <summary>Starts the clock again at zero (a new session).</summary>
    public void Restart()
    {
        _started = _time.GetTimestamp();
        _taken = 0;
        _skipped = 0;
    }

    /// <summary>Takes the clock's place for <paramref name="samples"/> of room audio; false when it would run ahead (drop it).</summary>
    public bool TryAdmit(int samples)
    {
        var due = Due();
        SkipStall(due, RoomLagSamples);
        if (_taken + samples > due - _skipped + QuantumSamples)
        {
            return false;
        }

        _taken += samples;
        return true;
    }

    /// <summary>
    /// Silence samples to add now (already taken on the clock), in 20 ms quanta: enough to bring the lag within
    /// <see cref="RoomLagSamples"/> (room attached) or <see cref="IdleLagSamples"/> (no room).
    /// </summary>
    public int TakeSilence(bool roomAttached)
    {
        var due = Due();
        var allowed = roomAttached ? RoomLagSamples : IdleLagSamples;
        SkipStall(due, allowed);
        var lag = due - _skipped - _taken;
        if (lag <= allowed)
        {
            return 0;
        }

        var quanta = (int)((lag - allowed + QuantumSamples - 1) / QuantumSamples);
        _taken += (long)quanta * QuantumSamples;
        return quanta * QuantumSamples;
    }

    private void SkipStall(long due, long keep)
    {
        var lag = due - _skipped - _taken;
        if (lag > SkipLagSamples)
        {
            _skipped += lag - keep;
        }
    }

    private long Due() => _time.GetElapsedTime(_started).Ticks * 24 / 10_000; // 100 ns ticks → 24 kHz samples
}
