namespace Jarvis.Satellite.Uplink;

public enum SatelliteEventKind
{
    VoiceStarted,
    VoiceStopped,
    MuteChanged,

    /// <summary>Long press: start a conversation without speaking first.</summary>
    ConversationRequested,
}
