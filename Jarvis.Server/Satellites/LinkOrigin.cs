using Microsoft.Extensions.Primitives;

namespace Jarvis.Server.Satellites;

/// <summary>
/// Which browsers may open the satellite link. A Pi satellite sends no <c>Origin</c> header and is always let through (it
/// authenticates in its hello); a browser always sends one, and only a page served by this server (same host and port) or an
/// origin listed in <c>Satellites:AllowedOrigins</c> may connect, so that a page elsewhere cannot use a visitor's browser to
/// reach the link (cross-site WebSocket hijacking).
/// </summary>
public static class LinkOrigin
{
    public static bool IsAllowed(HttpRequest request, IReadOnlyCollection<string> allowedOrigins)
    {
        var origin = request.Headers.Origin;
        if (StringValues.IsNullOrEmpty(origin))
        {
            return true;
        }

        if (origin.Count != 1 || !Uri.TryCreate(origin[0], UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return false;
        }

        if (allowedOrigins.Any(allowed => string.Equals(allowed.TrimEnd('/'), origin[0], StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        // Same origin: the page's host and port are the ones the browser asked this server for (the scheme may differ
        // behind a TLS-terminating proxy).
        return request.Host.HasValue && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
