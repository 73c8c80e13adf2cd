namespace Jarvis.PersonaPlex.Emulator;

public enum SessionPhase
{
    /// <summary>Upgraded, waiting silently for the single session lock.</summary>
    Queued,

    /// <summary>Holding the lock, stepping the system prompt; incoming messages are eaten.</summary>
    PromptPhase,

    /// <summary>Handshake sent; one output page per 1920 decoded input samples.</summary>
    Streaming,

    Ended,
}
