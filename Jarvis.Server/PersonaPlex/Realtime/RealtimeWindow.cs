namespace Jarvis.Server.PersonaPlex.Realtime;

/// <summary>
/// Counts one epoch's use of the model's window (every frame takes a slot, silence included; the prefill takes
/// <c>PrefillFrames</c>) and says when to restart the context: from 75 % of the frames left after the prefill at a pause
/// (640 ms quiet both ways, or no room), at 95 % whatever is said. Written from the uplink and the receive loop, read by the
/// session's clock loop.
/// </summary>
internal sealed class RealtimeWindow
{
    /// <summary>Quiet frames in a row, both ways, that make a pause (640 ms).</summary>
    public const int PauseFrames = 8;

    private readonly TimeProvider _time;
    private long _sent;
    private long _received;
    private int _quietIn;
    private int _quietOut;
    private long _started;
    private long _firstOutput;

    public RealtimeWindow(PersonaPlexEndpointOptions endpoint, TimeProvider time)
    {
        _time = time;
        var usable = endpoint.WindowFrames - endpoint.PrefillFrames;
        RotateAtPauseFrom = usable * 3 / 4;
        RotateBy = usable * 19 / 20;
        _started = time.GetTimestamp();
    }

    /// <summary>From this many frames a pause restarts the context.</summary>
    public int RotateAtPauseFrom { get; }

    /// <summary>At this many frames the context is restarted even mid-sentence (the window would overflow soon after).</summary>
    public int RotateBy { get; }

    /// <summary>Frames sent in this epoch.</summary>
    public long SentFrames => Interlocked.Read(ref _sent);

    /// <summary>Frames received in this epoch.</summary>
    public long ReceivedFrames => Interlocked.Read(ref _received);

    /// <summary>Window slots used by live audio: every frame sent, or more if the server added silence of its own.</summary>
    public long UsedFrames => Math.Max(SentFrames, ReceivedFrames + 1);

    /// <summary>The epoch's first audio has arrived (its prefill is done).</summary>
    public bool HasOutput => Interlocked.Read(ref _firstOutput) != 0;

    /// <summary>Time since the epoch started.</summary>
    public TimeSpan Age => _time.GetElapsedTime(Interlocked.Read(ref _started));

    /// <summary>Time since the epoch's first audio (zero before it).</summary>
    public TimeSpan SinceFirstOutput => HasOutput ? _time.GetElapsedTime(Interlocked.Read(ref _firstOutput)) : TimeSpan.Zero;

    /// <summary>A new epoch (a new session, or a context restart).</summary>
    public void Restart()
    {
        Interlocked.Exchange(ref _sent, 0);
        Interlocked.Exchange(ref _received, 0);
        Volatile.Write(ref _quietIn, 0);
        Volatile.Write(ref _quietOut, 0);
        Interlocked.Exchange(ref _firstOutput, 0);
        Interlocked.Exchange(ref _started, _time.GetTimestamp());
    }

    public void FrameSent(bool quiet)
    {
        Interlocked.Increment(ref _sent);
        Volatile.Write(ref _quietIn, quiet ? Volatile.Read(ref _quietIn) + 1 : 0);
    }

    /// <summary>Frames of model audio arrived; true when they are the epoch's first.</summary>
    public bool FramesReceived(int frames, bool lastQuiet)
    {
        if (frames == 0)
        {
            return false;
        }

        Interlocked.Add(ref _received, frames);
        Volatile.Write(ref _quietOut, lastQuiet ? Volatile.Read(ref _quietOut) + frames : 0);
        return Interlocked.CompareExchange(ref _firstOutput, _time.GetTimestamp(), 0) == 0;
    }

    /// <summary>Whether the context should be restarted now, and why.</summary>
    public WindowDecision Check(bool roomAttached)
    {
        var used = UsedFrames;
        if (used >= RotateBy)
        {
            return WindowDecision.Forced;
        }

        var pause = !roomAttached || (Volatile.Read(ref _quietIn) >= PauseFrames && Volatile.Read(ref _quietOut) >= PauseFrames);
        return used >= RotateAtPauseFrom && pause ? WindowDecision.AtPause : WindowDecision.None;
    }
}
