namespace Jarvis.Server.PersonaPlex.Realtime;

/// <summary>vLLM-Omni's URLs for one endpoint: the duplex WebSocket, <c>/health</c> and <c>/v1/models</c>.</summary>
internal static class RealtimeUrl
{
    /// <summary>
    /// <c>ws[s]://host:port/v1/realtime?duplex=1&amp;model=…&amp;autostart=0</c>. <c>autostart=0</c> matters: with <c>model=</c>
    /// alone the server opens a session at once with the default voice and persona, which can then not be changed (spec §1).
    /// </summary>
    public static Uri ForSession(Uri endpoint, string model) => new UriBuilder(endpoint)
    {
        Query = "duplex=1&model=" + Uri.EscapeDataString(model) + "&autostart=0",
        Fragment = string.Empty,
    }.Uri;

    /// <summary><c>http[s]://host:port/health</c> (any path prefix in front of <c>/v1/realtime</c> kept).</summary>
    public static Uri ForHealth(Uri endpoint) => ForHttp(endpoint, "/health");

    /// <summary><c>http[s]://host:port/v1/models</c>.</summary>
    public static Uri ForModels(Uri endpoint) => ForHttp(endpoint, "/v1/models");

    private static Uri ForHttp(Uri endpoint, string path)
    {
        var prefix = endpoint.AbsolutePath.TrimEnd('/');
        if (prefix.EndsWith("/v1/realtime", StringComparison.Ordinal))
        {
            prefix = prefix[..^"/v1/realtime".Length];
        }

        var builder = new UriBuilder(endpoint)
        {
            Scheme = endpoint.Scheme is "wss" or "https" ? "https" : "http",
            Path = prefix + path,
            Query = string.Empty,
            Fragment = string.Empty,
        };
        if (endpoint.IsDefaultPort)
        {
            builder.Port = -1;
        }

        return builder.Uri;
    }
}
