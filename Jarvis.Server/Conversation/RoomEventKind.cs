namespace Jarvis.Server.Conversation;

internal enum RoomEventKind
{
    Packet,
    VoiceStart,
    VoiceStop,
}
