namespace Jarvis.Satellite.Uplink;

public enum SatelliteEventKind
{
    VoiceStarted,
    VoiceStopped,

    /// <summary>Still speaking: the speech level over the last window.</summary>
    VoiceLevel,
    MuteChanged,

    /// <summary>Short press (the mute toggle itself is reported with <see cref="MuteChanged"/>).</summary>
    ShortPress,

    /// <summary>Long press: start a conversation without speaking first.</summary>
    LongPress,
}
