namespace Jarvis.Server.Satellites;

/// <summary>
/// A <see cref="TimeProvider"/> timestamp in µs of the monotonic clock: the base of the satellite's link timestamps, so on
/// one machine (the real-time rig) the Debug traces of the server and of its satellites line up.
/// </summary>
internal static class MonotonicMicroseconds
{
    public static long Now(TimeProvider time) => Of(time, time.GetTimestamp());

    public static long Of(TimeProvider time, long timestamp) => (long)(timestamp * (1_000_000.0 / time.TimestampFrequency));
}
