namespace Jarvis.Satellite.Vad;

/// <summary>What one frame did to the voice state.</summary>
public enum VoiceActivityChange
{
    None,
    Started,
    Stopped,
}
