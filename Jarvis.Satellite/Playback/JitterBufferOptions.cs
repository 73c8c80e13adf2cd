using System.ComponentModel.DataAnnotations;

namespace Jarvis.Satellite.Playback;

/// <summary>Downlink jitter buffer. Section <c>Satellite:Playback</c>.</summary>
public sealed class JitterBufferOptions
{
    /// <summary>Depth aimed for on a steady network.</summary>
    [Range(20, 500)]
    public int MinTargetMilliseconds { get; set; } = 40;

    /// <summary>
    /// Depth aimed for on a steady network while a real-time stream plays (PersonaPlex: every millisecond held is latency,
    /// and the sender keeps the model's clock, so only the measured jitter needs covering).
    /// </summary>
    [Range(0, 500)]
    public int RealTimeMinTargetMilliseconds { get; set; } = 20;

    /// <summary>Ceiling the target may grow to on a jittery network.</summary>
    [Range(40, 2000)]
    public int MaxTargetMilliseconds { get; set; } = 300;

    /// <summary>Target = min target + this × measured jitter.</summary>
    [Range(0.0, 10.0)]
    public double JitterMultiplier { get; set; } = 2.0;

    /// <summary>Concealment frames played when the buffer runs dry before going silent.</summary>
    [Range(0, 20)]
    public int MaxConcealedFrames { get; set; } = 3;

    /// <summary>
    /// Real-time streams: the lowest depth over <see cref="DepthWindowMilliseconds"/> may exceed the target by this much
    /// before audio is dropped to bring it back (drift correction; bursts are never shortened).
    /// </summary>
    [Range(0, 500)]
    public int DriftToleranceMilliseconds { get; set; } = 20;

    /// <summary>Window over which the lowest depth is taken (longer than the largest packet, so packet size is not latency).</summary>
    [Range(100, 2000)]
    public int DepthWindowMilliseconds { get; set; } = 200;

    /// <summary>An excess this large is removed in one cross-faded cut; a smaller one frame by frame, quiet frames first.</summary>
    [Range(20, 5000)]
    public int CutAtOnceMilliseconds { get; set; } = 100;

    /// <summary>A frame whose level is below this is quiet: dropped first when the depth is above target.</summary>
    [Range(-96.0, 0.0)]
    public double QuietFrameDbfs { get; set; } = -45;

    /// <summary>Frames to wait for a quiet one before dropping a voiced frame anyway (cross-faded).</summary>
    [Range(0, 500)]
    public int QuietWaitFrames { get; set; } = 25;
}
