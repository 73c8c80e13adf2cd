namespace Jarvis.Server.Answering;

/// <summary><c>Conversation:HomeConfirmation</c>: how a home command carried out while the duplex model talks is confirmed.</summary>
public enum HomeConfirmation
{
    /// <summary>A short chime between the model's words (the default).</summary>
    Earcon,

    /// <summary>The engine's confirmation spoken ("Done.", "The front door is locked."), also between the model's words.</summary>
    Speech,
}
