namespace Jarvis.Server.Conversation;

/// <summary>
/// How a room converses: <see cref="Duplex"/> (PersonaPlex talks; only deep questions are answered here, after cutting
/// PersonaPlex's audio) or <see cref="Pipeline"/> (ASR → router → home engine / Ollama / canned reply → TTS → room).
/// </summary>
public enum TurnMode
{
    Duplex,
    Pipeline,
}
