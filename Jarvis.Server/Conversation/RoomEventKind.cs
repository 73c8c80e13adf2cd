namespace Jarvis.Server.Conversation;

internal enum RoomEventKind
{
    Packet,
    VoiceStart,
    VoiceStop,

    /// <summary>The end-of-turn timer fired: no event for <see cref="ConversationTurnOptions.EndOfTurnTimeout"/> (maybe stale).</summary>
    Idle,

    /// <summary>What the utterance said up to a pause, transcribed ahead of its end (<see cref="CommandProbe"/>).</summary>
    Transcribed,
}
