namespace Jarvis.Satellite.Vad;

/// <summary>What one frame did to the voice state.</summary>
public enum VoiceActivityChange
{
    None,
    Started,
    Stopped,

    /// <summary>Still speaking, and a level update is due (every <see cref="VadOptions.LevelUpdateMilliseconds"/>).</summary>
    Level,
}
