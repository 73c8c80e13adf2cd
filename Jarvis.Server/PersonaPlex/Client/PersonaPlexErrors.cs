namespace Jarvis.Server.PersonaPlex.Client;

/// <summary>What went wrong with a PersonaPlex connection, in words that say what to check.</summary>
internal static class PersonaPlexErrors
{
    public static PersonaPlexException CannotConnect(Uri endpoint, Exception ex) => IsTlsFailure(ex)
        ? new PersonaPlexException(
            $"PersonaPlex at {endpoint} presented a TLS certificate this machine does not trust (its --ssl makes one with mkcert): install the mkcert root CA here, or set PersonaPlex:AcceptAnyServerCertificate=true on a trusted LAN.",
            ex)
        : new PersonaPlexException(
            $"Cannot open a WebSocket to PersonaPlex at {endpoint}: {ex.Message}. Is the server running (python -m moshi.server) and reachable? It opens its port only after loading the model.",
            ex);

    public static PersonaPlexBusyException Busy(Uri endpoint, TimeSpan handshakeTimeout) => new(
        $"PersonaPlex at {endpoint} accepted the WebSocket but sent no handshake within {handshakeTimeout.TotalSeconds:0.#} s: it is busy with another client (it serves one session at a time and queues others silently), or its prompt phase is slower than PersonaPlex:HandshakeTimeout.");

    public static PersonaPlexException ClosedByServer(Uri endpoint, bool afterHandshake, int? code) => afterHandshake
        ? new PersonaPlexException($"PersonaPlex at {endpoint} closed the session (code {code}). It does so without explanation when it cannot read the Ogg/Opus stream it receives.")
        : new PersonaPlexException($"PersonaPlex at {endpoint} closed the connection before its handshake (code {code}).");

    public static PersonaPlexException Dropped(Uri endpoint, bool afterHandshake, Exception ex) => afterHandshake
        ? new PersonaPlexException($"The connection to PersonaPlex at {endpoint} dropped: {ex.Message}", ex)
        : new PersonaPlexException(
            $"PersonaPlex at {endpoint} dropped the connection before its handshake. It does so when text_prompt is empty, the voice prompt file does not exist on the server, or a seed parameter is sent: check PersonaPlex:TextPrompt and PersonaPlex:Voice.",
            ex);

    public static PersonaPlexException UnreadableStream(Uri endpoint, string? why) =>
        new($"PersonaPlex at {endpoint} sent an Ogg stream that cannot be read: {why}.");

    /// <summary>The connection failed in TLS authentication (typically a certificate this machine does not trust).</summary>
    internal static bool IsTlsFailure(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is System.Security.Authentication.AuthenticationException)
            {
                return true;
            }
        }

        return false;
    }
}
