using System.ComponentModel.DataAnnotations;

namespace Jarvis.Satellite.Playback;

/// <summary>Downlink jitter buffer. Section <c>Satellite:Playback</c>.</summary>
public sealed class JitterBufferOptions
{
    /// <summary>Depth aimed for on a steady network.</summary>
    [Range(20, 500)]
    public int MinTargetMilliseconds { get; set; } = 40;

    /// <summary>Ceiling the target may grow to on a jittery network.</summary>
    [Range(40, 2000)]
    public int MaxTargetMilliseconds { get; set; } = 300;

    /// <summary>Target = min target + this × measured jitter.</summary>
    [Range(0.0, 10.0)]
    public double JitterMultiplier { get; set; } = 2.0;

    /// <summary>Concealment frames played when the buffer runs dry before going silent.</summary>
    [Range(0, 20)]
    public int MaxConcealedFrames { get; set; } = 3;
}
