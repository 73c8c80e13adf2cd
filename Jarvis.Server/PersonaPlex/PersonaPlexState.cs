namespace Jarvis.Server.PersonaPlex;

/// <summary>State of one PersonaPlex endpoint as seen by the session manager.</summary>
public enum PersonaPlexState
{
    /// <summary>No session and none wanted (on-demand mode with no conversation).</summary>
    Idle,

    /// <summary>WebSocket upgrade and prompt phase in progress, waiting for the 0x00 handshake.</summary>
    Connecting,

    /// <summary>Session ready, fed with silence, no room attached.</summary>
    Warm,

    /// <summary>Session ready and a room is conversing.</summary>
    InConversation,

    /// <summary>The server upgraded the WebSocket but sent no handshake in time: another client holds its single session.</summary>
    Busy,

    /// <summary>The last attempt failed; waiting before the next one.</summary>
    Backoff,

    Stopped,
}
