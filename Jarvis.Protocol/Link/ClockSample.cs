namespace Jarvis.Protocol.Link;

/// <summary>One ping/pong exchange, NTP style.</summary>
/// <param name="RoundTripUs">Network round trip: (t3 - t0) - (t2 - t1), µs.</param>
/// <param name="OffsetUs">Remote clock minus local clock: ((t1 - t0) + (t2 - t3)) / 2, µs.</param>
public readonly record struct ClockSample(long RoundTripUs, long OffsetUs)
{
    /// <summary>
    /// Computes a sample from t0 (local send), t1 (remote receive), t2 (remote send), t3 (local receive); false when
    /// the timestamps are inconsistent (negative round trip or remote processing time).
    /// </summary>
    public static bool TryCompute(long t0, long t1, long t2, long t3, out ClockSample sample)
    {
        sample = default;
        var remoteHold = t2 - t1;
        var roundTrip = (t3 - t0) - remoteHold;
        if (remoteHold < 0 || t3 < t0 || roundTrip < 0)
        {
            return false;
        }

        sample = new ClockSample(roundTrip, ((t1 - t0) + (t2 - t3)) / 2);
        return true;
    }
}
