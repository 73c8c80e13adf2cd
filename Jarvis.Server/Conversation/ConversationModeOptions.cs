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

    /// <summary>
    /// How a home command carried out while PersonaPlex talks is confirmed: <see cref="Answering.HomeConfirmation.Earcon"/>
    /// (a short chime, the default) or <see cref="Answering.HomeConfirmation.Speech"/> (the confirmation spoken by TTS).
    /// Failures and answers are always spoken.
    /// </summary>
    public Answering.HomeConfirmation HomeConfirmation { get; set; } = Answering.HomeConfirmation.Earcon;
}
