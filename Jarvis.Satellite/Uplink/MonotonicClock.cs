namespace Jarvis.Satellite.Uplink;

/// <summary>The satellite's monotonic clock in µs (link timestamps, ping/pong).</summary>
public sealed class MonotonicClock(TimeProvider time)
{
    public long NowUs => (long)(time.GetTimestamp() * (1_000_000.0 / time.TimestampFrequency));
}
