namespace Jarvis.Server.Conversation;

internal enum RoomEventKind
{
    Packet,
    VoiceStart,
    VoiceStop,

    /// <summary>
    /// The user was already speaking when the conversation started (the wake word's breath): opens an utterance as a voice
    /// start does, answered only if it holds speech beyond the wake word's tail.
    /// </summary>
    SpeakingAtStart,

    /// <summary>The end-of-turn timer fired: no event for <see cref="ConversationTurnOptions.EndOfTurnTimeout"/> (maybe stale).</summary>
    Idle,

    /// <summary>What the utterance said up to a pause, transcribed ahead of its end (<see cref="CommandProbe"/>).</summary>
    Transcribed,
}
