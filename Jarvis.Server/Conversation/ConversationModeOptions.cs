namespace Jarvis.Server.Conversation;

/// <summary><c>Conversation</c> section: how rooms converse by default.</summary>
public sealed class ConversationModeOptions
{
    public const string Section = "Conversation";

    /// <summary>
    /// <see cref="TurnMode.Duplex"/> (PersonaPlex, the default) or <see cref="TurnMode.Pipeline"/> (ASR → LLM → TTS, e.g. for
    /// A/B). Duplex falls back to the pipeline automatically while PersonaPlex is unavailable.
    /// </summary>
    public TurnMode Mode { get; set; } = TurnMode.Duplex;
}
