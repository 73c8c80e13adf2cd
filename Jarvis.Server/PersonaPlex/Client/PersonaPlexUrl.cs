namespace Jarvis.Server.PersonaPlex.Client;

/// <summary>Builds PersonaPlex URLs: the chat URL with its prompts, and the plain HTTP URL for probing.</summary>
public static class PersonaPlexUrl
{
    /// <summary>
    /// <c>ws[s]://host:port/api/chat?text_prompt=…&amp;voice_prompt=…</c>. Never adds <c>seed</c>: the real server
    /// crashes on any seed parameter.
    /// </summary>
    public static Uri ForChat(Uri endpoint, PersonaPlexPersona persona)
    {
        var builder = new UriBuilder(endpoint)
        {
            Query = "text_prompt=" + Uri.EscapeDataString(persona.TextPrompt)
                + "&voice_prompt=" + Uri.EscapeDataString(persona.Voice),
        };
        return builder.Uri;
    }

    /// <summary>The same address over http(s), for a probe that never opens a WebSocket.</summary>
    public static Uri ForHttp(Uri endpoint)
    {
        var builder = new UriBuilder(endpoint)
        {
            Scheme = endpoint.Scheme switch
            {
                "wss" or "https" => "https",
                _ => "http",
            },
            Query = string.Empty,
        };
        if (endpoint.IsDefaultPort)
        {
            builder.Port = -1;
        }

        return builder.Uri;
    }
}
