namespace Jarvis.Server.PersonaPlex;

/// <summary>Checks one <c>PersonaPlex:Endpoints[i]</c> and says which key to fix and how.</summary>
internal static class PersonaPlexEndpointValidator
{
    public static void Validate(PersonaPlexEndpointOptions endpoint, string name, List<string> errors)
    {
        var url = endpoint.Url;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "ws" && uri.Scheme != "wss"))
        {
            errors.Add($"PersonaPlex endpoint '{url}' ({name}) must be an absolute ws:// or wss:// URL, e.g. ws://gpu-box:8998/api/chat (Moshi) or ws://gpu-box:8000/v1/realtime (vLLM-Omni).");
            return;
        }

        if (!string.IsNullOrEmpty(uri.Query))
        {
            errors.Add($"PersonaPlex endpoint '{url}' ({name}) must not carry a query: set PersonaPlex:TextPrompt and PersonaPlex:Voice instead (and {name}:Model for vLLM-Omni).");
        }

        if (endpoint.Kind is { } kind && !Enum.IsDefined(kind))
        {
            errors.Add($"{name}:Kind must be Moshi (NVIDIA's server, /api/chat) or Realtime (vLLM-Omni, /v1/realtime).");
            return;
        }

        var realtimePath = PersonaPlexEndpointOptions.LooksLikeRealtime(url);
        if (endpoint.EffectiveKind == PersonaPlexBackend.Moshi)
        {
            if (realtimePath)
            {
                errors.Add($"PersonaPlex endpoint '{url}' is vLLM-Omni's /v1/realtime route but {name}:Kind is Moshi: set {name}:Kind to Realtime.");
            }

            if (endpoint.Capacity is { } capacity && capacity != 1)
            {
                errors.Add($"{name}:Capacity must be 1 for a Moshi endpoint (NVIDIA's server serves one session at a time; use vLLM-Omni, Kind Realtime, for more).");
            }

            return;
        }

        if (uri.AbsolutePath.TrimEnd('/').EndsWith("/api/chat", StringComparison.Ordinal))
        {
            errors.Add($"PersonaPlex endpoint '{url}' is NVIDIA's /api/chat route but {name}:Kind is Realtime: set {name}:Kind to Moshi, or give vLLM-Omni's URL (ws://host:8000/v1/realtime).");
        }
        else if (!realtimePath)
        {
            errors.Add($"PersonaPlex endpoint '{url}' ({name}) is Realtime: its path must end in /v1/realtime, e.g. ws://gpu-box:8000/v1/realtime.");
        }

        if (string.IsNullOrWhiteSpace(endpoint.Model))
        {
            errors.Add($"{name}:Model must name the model vLLM-Omni serves (e.g. {PersonaPlexEndpointOptions.DefaultModel}; see GET /v1/models).");
        }

        if (endpoint.Capacity is < 1 or > 64)
        {
            errors.Add($"{name}:Capacity must be 1-64: the server's duplex_session.max_sessions (2 in the shipped deploy).");
        }

        if (endpoint.WindowFrames is < 250 or > 100_000)
        {
            errors.Add($"{name}:WindowFrames must be 250-100000 frames of 80 ms (the deploy's max_model_len; 3000 in the shipped deploy).");
        }
        else if (endpoint.PrefillFrames < 0 || endpoint.PrefillFrames > endpoint.WindowFrames / 2)
        {
            errors.Add($"{name}:PrefillFrames must be between 0 and half of WindowFrames ({endpoint.WindowFrames / 2}): it estimates the window the persona's prefill takes.");
        }
    }
}
