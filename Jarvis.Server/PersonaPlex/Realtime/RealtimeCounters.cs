namespace Jarvis.Server.PersonaPlex.Realtime;

/// <summary>Lifetime counters of one Realtime slot, for /health and /metrics.</summary>
internal sealed class RealtimeCounters
{
    private long _sessions;
    private long _reconnects;
    private long _rotations;
    private long _driftResets;
    private long _busyRefusals;
    private volatile string? _lastError;
    private double _lastReadySeconds = double.NaN;

    public string? LastError
    {
        get => _lastError;
        set => _lastError = value;
    }

    public long Sessions => Interlocked.Read(ref _sessions);

    public void SessionOpened() => Interlocked.Increment(ref _sessions);

    /// <summary>From the WebSocket upgrade to the first model audio (session opened and prefill done).</summary>
    public void FirstAudio(TimeSpan afterConnect) => Volatile.Write(ref _lastReadySeconds, afterConnect.TotalSeconds);

    public void Reconnect() => Interlocked.Increment(ref _reconnects);

    public void Rotation() => Interlocked.Increment(ref _rotations);

    public void DriftReset()
    {
        Interlocked.Increment(ref _driftResets);
        Interlocked.Increment(ref _reconnects);
    }

    public void BusyRefusal() => Interlocked.Increment(ref _busyRefusals);

    public PersonaPlexEndpointStatus Snapshot(Uri endpoint, PersonaPlexState state, string? roomId, RealtimeWindow? window)
    {
        var sent = (window?.SentFrames ?? 0) * RealtimeAudio.FrameSeconds;
        var received = (window?.ReceivedFrames ?? 0) * RealtimeAudio.FrameSeconds;
        var ready = Volatile.Read(ref _lastReadySeconds);
        return new PersonaPlexEndpointStatus(
            endpoint, state, roomId, sent, received, sent - received,
            Interlocked.Read(ref _sessions), Interlocked.Read(ref _reconnects), Interlocked.Read(ref _rotations),
            Interlocked.Read(ref _driftResets), Interlocked.Read(ref _busyRefusals), _lastError,
            double.IsNaN(ready) ? null : ready);
    }
}
