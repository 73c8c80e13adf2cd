namespace Jarvis.Server.Status;

/// <summary><c>GET /</c> (status page), <c>GET /api/status</c> (its JSON) and <c>GET /metrics</c> (Prometheus text).</summary>
public static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatus(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => Results.Content(StatusPage.Html, "text/html; charset=utf-8"));
        endpoints.MapGet("/api/status", async (StatusReport report, CancellationToken ct) =>
            Results.Json(await report.BuildAsync(ct).ConfigureAwait(false)));
        endpoints.MapGet("/metrics", (MetricsRegistry metrics) =>
            Results.Text(metrics.WriteText(), "text/plain; version=0.0.4; charset=utf-8"));
        return endpoints;
    }
}
