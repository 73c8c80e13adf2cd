using System.ComponentModel.DataAnnotations;

namespace Jarvis.Satellite.Aec;

/// <summary>Echo cancellation and cleanup of the microphone signal (speexdsp). Section <c>Satellite:Echo</c>.</summary>
public sealed class EchoCancellerOptions
{
    /// <summary>Turn off for speakerphones that cancel echo in hardware.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Echo tail the adaptive filter covers (room reverberation plus residual misalignment).</summary>
    [Range(20, 1000)]
    public int FilterMilliseconds { get; set; } = 200;

    /// <summary>Extra delay of the playback reference before it meets the capture (output + input latency
    /// not already covered by the filter).</summary>
    [Range(0, 500)]
    public int ReferenceDelayMilliseconds { get; set; }

    /// <summary>Run the speex preprocessor after the canceller (residual echo suppression, denoise, AGC).</summary>
    public bool Preprocessor { get; set; } = true;

    public bool NoiseSuppression { get; set; } = true;

    /// <summary>Maximum noise attenuation in dB (negative).</summary>
    [Range(-60, 0)]
    public int NoiseSuppressDb { get; set; } = -15;

    public bool AutomaticGainControl { get; set; }

    [Range(1000, 32000)]
    public int AgcLevel { get; set; } = 8000;

    /// <summary>Residual echo attenuation in dB (negative), while the far end is idle / while both talk.</summary>
    [Range(-90, 0)]
    public int EchoSuppressDb { get; set; } = -40;

    [Range(-90, 0)]
    public int EchoSuppressActiveDb { get; set; } = -15;
}
