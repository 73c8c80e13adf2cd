using Jarvis.Server.PersonaPlex.Readiness;

namespace Jarvis.Server.PersonaPlex.Commands;

/// <summary>
/// <c>personaplex probe --url URL</c>: is a PersonaPlex server up? Plain HTTP, never a session: <c>/api/chat</c> for NVIDIA's
/// server, <c>/health</c> and <c>/v1/models</c> for vLLM-Omni (a URL ending in <c>/v1/realtime</c>).
/// </summary>
internal static class ProbeCommand
{
    public static async Task<int> RunAsync(Uri url, CommandArguments args, CancellationToken cancellationToken)
    {
        using var http = PersonaPlexProbe.CreateHttpClient(args.Has("accept-any-certificate"));
        var status = PersonaPlexEndpointOptions.LooksLikeRealtime(url.ToString())
            ? await new RealtimeProbe(http).CheckAsync(url, args.Get("model") ?? PersonaPlexEndpointOptions.DefaultModel, args.Get("api-key"),
                "PersonaPlex:Endpoints:N", cancellationToken).ConfigureAwait(false)
            : await new PersonaPlexProbe(http).CheckAsync(url, cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"{(status.Ready ? "ready" : "not ready")}: {status.Detail}");
        return status.Ready ? 0 : 1;
    }
}
