namespace Jarvis.Satellite.Aec;

/// <summary>Which echo canceller cleans the microphone (<c>Satellite:Aec:Engine</c>).</summary>
public enum EchoEngine
{
    /// <summary>WebRTC's canceller from libwebrtc-audio-processing (delay-agnostic, extended filter, nonlinear processor).</summary>
    WebRtc,

    /// <summary>speexdsp's MDF canceller and preprocessor.</summary>
    Speex,

    /// <summary>The system cancels echo before the satellite sees the audio (PipeWire's echo-cancel source): the
    /// satellite only checks that no echo is left.</summary>
    System,
}
