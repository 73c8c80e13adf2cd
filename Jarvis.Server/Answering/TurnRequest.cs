using Jarvis.Server.Conversation;

namespace Jarvis.Server.Answering;

/// <summary>
/// One user turn: room, transcript, mode, and the <see cref="TimeProvider.GetTimestamp"/> values of the end of speech
/// (VAD) and of the transcript being ready (null when unknown), and the recogniser's confidence when it reports one.
/// </summary>
public sealed record TurnRequest(string Room, string Transcript, TurnMode Mode, long? EndOfSpeechAt = null, long? TranscriptAt = null, double? Confidence = null);
