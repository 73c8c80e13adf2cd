namespace Jarvis.Satellite.Vad;

/// <summary>Used when the WebRTC VAD library is missing: never voiced (audio then streams only during conversations).</summary>
public sealed class SilentVoiceClassifier : IVoiceClassifier
{
    public bool IsVoiced(ReadOnlySpan<short> frame) => false;

    public void Dispose()
    {
    }
}
