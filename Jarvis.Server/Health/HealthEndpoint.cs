namespace Jarvis.Server.Health;

/// <summary><c>GET /health</c>: liveness (always 200 while the process serves) plus every backend's readiness.</summary>
public static class HealthEndpoint
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(2);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", async (IEnumerable<IBackendReadiness> backends, CancellationToken ct) =>
        {
            var checks = backends.Select(b => CheckOneAsync(b, ct)).ToArray();
            var results = await Task.WhenAll(checks).ConfigureAwait(false);
            var body = new Dictionary<string, object>
            {
                ["status"] = "ok",
                ["backends"] = results.ToDictionary(r => r.Name, r => (object)new { ready = r.Status.Ready, detail = r.Status.Detail }),
            };
            return Results.Json(body);
        }).AllowAnonymous();
        return endpoints;
    }

    private static async Task<(string Name, BackendStatus Status)> CheckOneAsync(IBackendReadiness backend, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            return (backend.Name, await backend.CheckAsync(timeout.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            return (backend.Name, BackendStatus.Down($"no answer within {CheckTimeout.TotalSeconds:0} s"));
        }
        catch (Exception ex)
        {
            return (backend.Name, BackendStatus.Down(ex.Message));
        }
    }
}
