using Jarvis.Satellite.Vad;

namespace Jarvis.Satellite.Tests.Vad;

/// <summary>Voiced when the frame's first sample is non-zero.</summary>
internal sealed class ScriptedVoiceClassifier : IVoiceClassifier
{
    public bool IsVoiced(ReadOnlySpan<short> frame) => frame[0] != 0;

    public void Dispose()
    {
    }
}
