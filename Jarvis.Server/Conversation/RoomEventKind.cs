namespace Jarvis.Server.Conversation;

internal enum RoomEventKind
{
    Packet,
    VoiceStart,
    VoiceStop,

    /// <summary>The end-of-turn timer fired: no event for <see cref="ConversationTurnOptions.EndOfTurnTimeout"/> (maybe stale).</summary>
    Idle,
}
