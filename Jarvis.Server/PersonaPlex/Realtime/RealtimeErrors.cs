using System.Net;
using System.Net.WebSockets;
using Jarvis.Server.PersonaPlex.Client;

namespace Jarvis.Server.PersonaPlex.Realtime;

/// <summary>What went wrong with a vLLM-Omni session, in words that say what to check or fix.</summary>
internal static class RealtimeErrors
{
    private const string LimitKey = "limit";

    public static PersonaPlexException CannotConnect(RealtimeEndpointInfo endpoint, Exception ex, HttpStatusCode? status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new RealtimeConfigurationException(
            $"vLLM-Omni at {endpoint.Url} refused the WebSocket with HTTP {(int)status}: set {endpoint.ConfigKey}:ApiKey to the key the server was started with (--api-key).", ex),
        HttpStatusCode.NotFound => new PersonaPlexException(
            $"vLLM-Omni at {endpoint.Url} has no such WebSocket route (HTTP 404): is it vLLM-Omni with the PersonaPlex duplex deploy, and is {endpoint.ConfigKey} ws://host:port/v1/realtime?", ex),
        { } other => new PersonaPlexException($"vLLM-Omni at {endpoint.Url} refused the WebSocket with HTTP {(int)other}.", ex),
        null when PersonaPlexErrors.IsTlsFailure(ex) => new PersonaPlexException(
            $"vLLM-Omni at {endpoint.Url} presented a TLS certificate this machine does not trust: install its CA here, or set PersonaPlex:AcceptAnyServerCertificate=true on a trusted LAN.", ex),
        null => new PersonaPlexException(
            $"Cannot open a WebSocket to vLLM-Omni at {endpoint.Url}: {ex.Message}. Is `vllm serve` running with the PersonaPlex deploy and reachable? It accepts connections once the model is loaded.", ex),
    };

    public static PersonaPlexException NoSession(RealtimeEndpointInfo endpoint, TimeSpan timeout) => new(
        $"vLLM-Omni at {endpoint.Url} accepted the WebSocket but opened no session within {timeout.TotalSeconds:0.#} s (no session.created).");

    /// <summary>The error event that answered our <c>session.update</c>.</summary>
    public static PersonaPlexException Refused(RealtimeEndpointInfo endpoint, RealtimeServerError error, PersonaPlexPersona persona) => error.Kind switch
    {
        RealtimeErrorKind.Busy => Busy(endpoint, error),
        RealtimeErrorKind.Configuration => Configuration(endpoint, error, persona),
        _ => new PersonaPlexException($"vLLM-Omni at {endpoint.Url} refused to open a session ({error})."),
    };

    /// <summary>The limit the server reported with a busy refusal, if any.</summary>
    public static int? AdvertisedLimit(PersonaPlexBusyException busy) => busy.Data[LimitKey] as int?;

    /// <summary>A configuration error, at open or on an append.</summary>
    public static RealtimeConfigurationException Configuration(RealtimeEndpointInfo endpoint, RealtimeServerError error, PersonaPlexPersona persona) => new(error.Code switch
    {
        "invalid_voice" =>
            $"vLLM-Omni at {endpoint.Url} refused the voice '{persona.Voice}' ({error.Message}): set PersonaPlex:Voice to the file name of a voice bundled with the model, such as NATF2.pt (NATF0-3, NATM0-3, VARF0-4, VARM0-4).",
        "prefill_unavailable" =>
            $"vLLM-Omni at {endpoint.Url} could not prepare the persona ({error.Message}): check that PersonaPlex:Voice '{persona.Voice}' is a voice bundled with the model (NATF0-3, NATM0-3, VARF0-4, VARM0-4 .pt) and that the model's voices are installed on the server.",
        "unsupported_audio_format" or "bad_event" =>
            $"vLLM-Omni at {endpoint.Url} refused the audio Jarvis sends (pcm_f32le at 24000 Hz in, pcm16 out): {error}. Check that {endpoint.ConfigKey} is vLLM-Omni serving PersonaPlex (its duplex route takes pcm_f32le at 24 kHz) or set its Kind to Moshi for NVIDIA's server.",
        "persona_update_unsupported" or "voice_update_unsupported" =>
            $"vLLM-Omni at {endpoint.Url} kept its default persona ({error}): the session was opened before Jarvis's session.update; check that the server honours autostart=0.",
        _ =>
            $"vLLM-Omni at {endpoint.Url} refused the session's configuration ({error}): check PersonaPlex:TextPrompt, PersonaPlex:Voice and {endpoint.ConfigKey}:Model.",
    });

    private static PersonaPlexBusyException Busy(RealtimeEndpointInfo endpoint, RealtimeServerError error)
    {
        var busy = new PersonaPlexBusyException(
            $"vLLM-Omni at {endpoint.Url} has no free session ({error}): its sessions are taken by other clients or still closing; {endpoint.ConfigKey}:Capacity should not exceed the server's duplex_session.max_sessions.");
        busy.Data[LimitKey] = error.AdvertisedLimit;
        return busy;
    }

    public static PersonaPlexException ClosedByServer(RealtimeEndpointInfo endpoint, WebSocketCloseStatus? code, string? reason) =>
        new($"vLLM-Omni at {endpoint.Url} closed the session (code {(int?)code}{(string.IsNullOrEmpty(reason) ? string.Empty : ", " + reason)}).");

    public static PersonaPlexException SessionClosed(RealtimeEndpointInfo endpoint, string? reason) =>
        new($"vLLM-Omni at {endpoint.Url} closed the session ({reason ?? "no reason"}).");

    public static PersonaPlexException Dropped(RealtimeEndpointInfo endpoint, Exception ex) =>
        new($"The connection to vLLM-Omni at {endpoint.Url} dropped: {ex.Message}", ex);

    public static PersonaPlexException Lost(RealtimeEndpointInfo endpoint, RealtimeServerError error) =>
        new($"vLLM-Omni at {endpoint.Url} lost the session ({error}).");

    public static PersonaPlexException Silent(RealtimeEndpointInfo endpoint, TimeSpan waited) =>
        new($"vLLM-Omni at {endpoint.Url} sent no audio {waited.TotalSeconds:0} s after the session started (the persona's prefill failed, or the GPU is overloaded).");
}
