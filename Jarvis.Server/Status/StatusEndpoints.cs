namespace Jarvis.Server.Status;

/// <summary>
/// <c>GET /</c> (status page, or the sign-in page without a session), <c>GET /api/status</c> (its JSON) and <c>GET /metrics</c>
/// (Prometheus text); all but the sign-in page need the API token.
/// </summary>
public static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatus(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext context) => context.User.Identity?.IsAuthenticated == true
            ? Results.Content(StatusPage.Html, "text/html; charset=utf-8")
            : Results.Content(Security.LoginPage.Html(error: null), "text/html; charset=utf-8")).AllowAnonymous();
        endpoints.MapGet("/api/status", async (StatusReport report, CancellationToken ct) =>
            Results.Json(await report.BuildAsync(ct).ConfigureAwait(false)));
        endpoints.MapGet("/metrics", (MetricsRegistry metrics) =>
            Results.Text(metrics.WriteText(), "text/plain; version=0.0.4; charset=utf-8"));
        return endpoints;
    }
}
