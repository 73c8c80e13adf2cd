namespace Jarvis.Satellite.Playback;

/// <summary>Downlink quality as reported to the server; <c>TrimmedMilliseconds</c>: real-time audio dropped to hold the target.</summary>
public readonly record struct JitterBufferStats(
    long Received,
    long Lost,
    long Late,
    long Recovered,
    long Underruns,
    long Overruns,
    double JitterMilliseconds,
    double DepthMilliseconds,
    double TargetMilliseconds,
    double TrimmedMilliseconds = 0)
{
    /// <summary>Lost (concealed) packets as a percentage of the packets due.</summary>
    public double LossPercent => Received + Lost == 0 ? 0 : 100.0 * Lost / (Received + Lost);
}
