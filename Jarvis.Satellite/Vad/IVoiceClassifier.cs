namespace Jarvis.Satellite.Vad;

/// <summary>Per-frame speech/non-speech decision (WebRTC VAD; scripted in tests).</summary>
public interface IVoiceClassifier : IDisposable
{
    bool IsVoiced(ReadOnlySpan<short> frame);
}
