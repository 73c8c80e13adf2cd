using Jarvis.Server.Satellites;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.BrowserSatellite;

/// <summary>
/// <c>GET /satellite</c>: the page that turns a browser into a satellite of a room (docs/browser-satellite.md), and its
/// scripts under <c>/satellite/</c>. Anonymous like the link itself: the page holds no secret, and the browser is let into
/// a room only once the owner approves it.
/// </summary>
public static class BrowserSatelliteEndpoints
{
    // The page's scripts come from this server only; it talks to this server only (the link, same origin).
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapBrowserSatellite(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/satellite", (HttpContext context, IOptions<SatellitesOptions> options) =>
        {
            Secure(context.Response.Headers);
            var html = System.Text.Encoding.UTF8.GetString(BrowserSatelliteAssets.ByName["satellite.html"].Content)
                .Replace("{{link-path}}", System.Net.WebUtility.HtmlEncode(options.Value.Path), StringComparison.Ordinal);
            return Results.Content(html, "text/html; charset=utf-8");
        }).AllowAnonymous();
        endpoints.MapGet("/satellite/{file}", (HttpContext context, string file) => Serve(context, file)).AllowAnonymous();
        return endpoints;
    }

    private static IResult Serve(HttpContext context, string file)
    {
        if (file.EndsWith(".html", StringComparison.Ordinal) || !BrowserSatelliteAssets.ByName.TryGetValue(file, out var asset))
        {
            return Results.NotFound();
        }

        Secure(context.Response.Headers);
        return Results.Bytes(asset.Content, asset.ContentType);
    }

    private static void Secure(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-cache";
        headers["Permissions-Policy"] = "microphone=(self), screen-wake-lock=(self)";
        headers["Referrer-Policy"] = "no-referrer";
    }
}
