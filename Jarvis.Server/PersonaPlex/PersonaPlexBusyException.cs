namespace Jarvis.Server.PersonaPlex;

/// <summary>
/// PersonaPlex upgraded the WebSocket but sent no handshake in time: it serves one session at a time and
/// queues other clients silently, so another client (a browser tab, another Jarvis) holds it.
/// </summary>
public sealed class PersonaPlexBusyException : PersonaPlexException
{
    public PersonaPlexBusyException(string message)
        : base(message)
    {
    }
}
