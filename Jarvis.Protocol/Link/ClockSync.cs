namespace Jarvis.Protocol.Link;

/// <summary>
/// Estimates round trip and clock offset to the peer from ping/pong exchanges. The offset is taken from the sample
/// with the smallest round trip among the last <see cref="Window"/> (the least disturbed by queueing); the round trip
/// is smoothed (RFC 6298 style, 1/8 gain). Not thread-safe; allocates nothing after construction.
/// </summary>
public sealed class ClockSync
{
    private readonly ClockSample[] _window;
    private int _count;
    private int _next;

    /// <summary>Creates an estimator that keeps the last <paramref name="window"/> samples.</summary>
    public ClockSync(int window = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        _window = new ClockSample[window];
    }

    /// <summary>How many samples are kept.</summary>
    public int Window => _window.Length;

    /// <summary>True once one valid sample was added.</summary>
    public bool HasEstimate => _count > 0;

    /// <summary>The latest valid sample.</summary>
    public ClockSample Latest { get; private set; }

    /// <summary>Smoothed round trip, µs.</summary>
    public long SmoothedRoundTripUs { get; private set; }

    /// <summary>Smallest round trip in the window, µs.</summary>
    public long MinRoundTripUs => Best.RoundTripUs;

    /// <summary>Remote clock minus local clock, µs, from the best sample in the window.</summary>
    public long OffsetUs => Best.OffsetUs;

    private ClockSample Best
    {
        get
        {
            var best = _window[0];
            for (var i = 1; i < _count; i++)
            {
                if (_window[i].RoundTripUs < best.RoundTripUs)
                {
                    best = _window[i];
                }
            }

            return best;
        }
    }

    /// <summary>Adds one exchange (see <see cref="ClockSample.TryCompute"/>); false when it was inconsistent and dropped.</summary>
    public bool Add(long t0, long t1, long t2, long t3)
    {
        if (!ClockSample.TryCompute(t0, t1, t2, t3, out var sample))
        {
            return false;
        }

        SmoothedRoundTripUs = _count == 0
            ? sample.RoundTripUs
            : SmoothedRoundTripUs + (sample.RoundTripUs - SmoothedRoundTripUs) / 8;
        _window[_next] = sample;
        _next = (_next + 1) % _window.Length;
        _count = Math.Min(_count + 1, _window.Length);
        Latest = sample;
        return true;
    }

    /// <summary>Converts a time on the remote clock to the local clock, µs.</summary>
    public long RemoteToLocal(long remoteUs) => remoteUs - OffsetUs;

    /// <summary>Converts a time on the local clock to the remote clock, µs.</summary>
    public long LocalToRemote(long localUs) => localUs + OffsetUs;
}
