using System.Text.Json.Serialization;

namespace Jarvis.Protocol.Link.Messages;

/// <summary>Satellite → server (type <c>stats</c>), link quality; counters are cumulative since welcome.</summary>
/// <param name="UplinkFramesSent">Audio frames sent.</param>
/// <param name="DownlinkFramesReceived">Playback frames received.</param>
/// <param name="DownlinkFramesLost">Playback frames never received (sequence gaps).</param>
/// <param name="DownlinkFramesLate">Playback frames that arrived after their play-out time (dropped).</param>
/// <param name="JitterMs">Interarrival jitter of the downlink (RFC 3550 estimator), ms.</param>
/// <param name="JitterBufferMs">Current jitter-buffer depth, ms.</param>
/// <param name="JitterBufferTargetMs">Current jitter-buffer target, ms.</param>
/// <param name="JitterBufferUnderruns">Times the jitter buffer ran dry (concealment played).</param>
/// <param name="JitterBufferOverruns">Frames dropped because the jitter buffer was full.</param>
/// <param name="CaptureOverruns">Times the capture device overflowed (samples lost).</param>
public sealed record LinkStatsMessage(
    long UplinkFramesSent,
    long DownlinkFramesReceived,
    long DownlinkFramesLost,
    long DownlinkFramesLate,
    double JitterMs,
    double JitterBufferMs,
    double JitterBufferTargetMs,
    long JitterBufferUnderruns,
    long JitterBufferOverruns,
    long CaptureOverruns) : LinkMessage
{
    /// <summary>Fraction of downlink frames lost, 0..1.</summary>
    [JsonIgnore]
    public double DownlinkLossRatio =>
        DownlinkFramesReceived + DownlinkFramesLost == 0 ? 0 : (double)DownlinkFramesLost / (DownlinkFramesReceived + DownlinkFramesLost);

    internal override string? Validate()
    {
        long[] counters = [UplinkFramesSent, DownlinkFramesReceived, DownlinkFramesLost, DownlinkFramesLate,
            JitterBufferUnderruns, JitterBufferOverruns, CaptureOverruns];
        double[] times = [JitterMs, JitterBufferMs, JitterBufferTargetMs];
        return counters.Any(c => c < 0) || times.Any(t => !double.IsFinite(t) || t < 0)
            ? "stats values must be finite and not negative"
            : null;
    }
}
