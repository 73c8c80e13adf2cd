namespace Jarvis.Server.Satellites;

/// <summary>
/// Late playback in one room: the satellite's jitter-buffer depth (from its stats) above its target by more than the
/// margin, continuously for the sustain time, is one episode. Thread-safe.
/// </summary>
public sealed class PlaybackLag
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _overSince;

    /// <summary>True during an episode (the status page and <c>/metrics</c> show it).</summary>
    public bool Lagging { get; private set; }

    /// <summary>Episodes since the satellite connected.</summary>
    public long Episodes { get; private set; }

    /// <summary>Depth minus target in the last report, ms.</summary>
    public double ExcessMilliseconds { get; private set; }

    /// <summary>One stats report. Returns true when it starts an episode (to be logged once).</summary>
    public bool Observe(double depthMilliseconds, double targetMilliseconds, TimeSpan margin, TimeSpan sustain, DateTimeOffset now)
    {
        lock (_gate)
        {
            ExcessMilliseconds = depthMilliseconds - targetMilliseconds;
            if (ExcessMilliseconds <= margin.TotalMilliseconds)
            {
                _overSince = null;
                Lagging = false;
                return false;
            }

            _overSince ??= now;
            if (Lagging || now - _overSince < sustain)
            {
                return false;
            }

            Lagging = true;
            Episodes++;
            return true;
        }
    }
}
