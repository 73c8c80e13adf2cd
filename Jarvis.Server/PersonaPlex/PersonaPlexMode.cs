namespace Jarvis.Server.PersonaPlex;

/// <summary>How the session manager keeps PersonaPlex sessions.</summary>
public enum PersonaPlexMode
{
    /// <summary>Keep a session connected, past its prompt phase and fed with silence, so a conversation starts at once.</summary>
    Warm,

    /// <summary>Connect when a room asks for a conversation and disconnect when it ends (pays the prompt phase every time).</summary>
    OnDemand,
}
