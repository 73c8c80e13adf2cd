namespace Jarvis.Server.HomeAssistant;

/// <summary>
/// One transcript for the home engine.
/// </summary>
/// <param name="Transcript">What the user said.</param>
/// <param name="Room">The satellite's room (area id or name).</param>
/// <param name="EngineSpeaks">
/// True when the engine's own dialogue lines are spoken to the user (pipeline mode): its offers ("Want me to turn on some
/// lights?") then stand. False in duplex mode, where the model does the talking and its own offers are the ones that count.
/// </param>
/// <param name="EndOfSpeechAt">
/// <see cref="TimeProvider.GetTimestamp"/> of the end of the user's speech: the model's words after it belong to the next turn.
/// Null takes everything the model has said so far.
/// </param>
public sealed record HomeRequest(string Transcript, string Room, bool EngineSpeaks, long? EndOfSpeechAt = null);
