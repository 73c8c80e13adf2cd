using System.ComponentModel.DataAnnotations;

namespace Jarvis.Satellite.Aec;

/// <summary>Echo cancellation and cleanup of the microphone signal. Section <c>Satellite:Aec</c> (the older
/// <c>Satellite:Echo</c> is still read; <c>Satellite:Aec</c> wins).</summary>
public sealed class EchoCancellerOptions
{
    /// <summary>Turn off for speakerphones that cancel echo in hardware.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Which canceller runs (docs/satellite.md compares them on the echo benchmark).</summary>
    public EchoEngine Engine { get; set; } = EchoEngine.WebRtc;

    /// <summary>Extra delay of the playback reference before it meets the capture (output + input latency
    /// not already covered by the filter).</summary>
    [Range(0, 500)]
    public int ReferenceDelayMilliseconds { get; set; }

    /// <summary>Speex: echo tail the adaptive filter covers (room reverberation plus residual misalignment).</summary>
    [Range(20, 1000)]
    public int FilterMilliseconds { get; set; } = 200;

    /// <summary>Speex: run the speex preprocessor after the canceller (residual echo suppression, denoise, AGC).</summary>
    public bool Preprocessor { get; set; } = true;

    /// <summary>Noise suppression (Speex: in the preprocessor; WebRtc: WebRTC's noise suppressor).</summary>
    public bool NoiseSuppression { get; set; } = true;

    /// <summary>Maximum noise attenuation in dB (negative); WebRtc takes the nearest of −6/−12/−18/−21 dB.</summary>
    [Range(-60, 0)]
    public int NoiseSuppressDb { get; set; } = -15;

    /// <summary>Speex: automatic gain control in the preprocessor.</summary>
    public bool AutomaticGainControl { get; set; }

    [Range(1000, 32000)]
    public int AgcLevel { get; set; } = 8000;

    /// <summary>Speex: residual echo attenuation in dB (negative), while the far end is idle / while both talk.</summary>
    [Range(-90, 0)]
    public int EchoSuppressDb { get; set; } = -40;

    [Range(-90, 0)]
    public int EchoSuppressActiveDb { get; set; } = -15;

    /// <summary>WebRtc: how hard the nonlinear processor removes what the linear filter leaves. Conservative keeps a
    /// talker who speaks over the assistant best and still takes ≥ 30 dB off a soft-clipping speaker's echo
    /// (docs/satellite.md); Moderate/Aggressive trade the near end's level for more suppression.</summary>
    public EchoSuppression Suppression { get; set; } = EchoSuppression.Conservative;

    /// <summary>WebRtc: where the near end clearly dominates the residual echo, the nonlinear processor's gain is held
    /// at the near end's instead of being weighted and overdriven down (a talker who speaks over the assistant keeps
    /// their level; far-end-only audio keeps its suppression).</summary>
    public bool NearEndGuard { get; set; } = true;

    /// <summary>WebRtc: find and follow the speaker-to-microphone delay itself (sound card buffers, Bluetooth, USB).</summary>
    public bool DelayAgnostic { get; set; } = true;

    /// <summary>WebRtc: 128 ms filter instead of 48 ms (long room reverberation).</summary>
    public bool ExtendedFilter { get; set; } = true;
}
