namespace Jarvis.Protocol.Discovery;

/// <summary>
/// How a Jarvis server is found on the LAN (DNS-SD over mDNS, RFC 6762/6763, as ESPHome and Wyoming devices are): the
/// service type <c>_jarvis._tcp</c>, an SRV record with the HTTP port, and TXT keys <c>path</c> (the link path),
/// <c>version</c> (the link protocol version), <c>tls</c> (<c>1</c> when the link is <c>wss://</c>) and <c>server_id</c>.
/// </summary>
public static class JarvisServiceRecord
{
    public const string ServiceType = "_jarvis._tcp";
    public const string PathKey = "path";
    public const string VersionKey = "version";
    public const string TlsKey = "tls";
    public const string ServerIdKey = "server_id";

    /// <summary>The link URL from a discovered host, port and TXT properties (null when the TXT does not describe link v1).</summary>
    public static Uri? LinkUri(string host, int port, IReadOnlyDictionary<string, string> txt)
    {
        ArgumentNullException.ThrowIfNull(txt);
        if (txt.TryGetValue(VersionKey, out var version) && version != Link.LinkProtocol.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return null;
        }

        var path = txt.TryGetValue(PathKey, out var p) && p.StartsWith('/') ? p : Link.LinkProtocol.Path;
        var scheme = txt.TryGetValue(TlsKey, out var tls) && tls == "1" ? "wss" : "ws";
        var authority = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
        return Uri.TryCreate($"{scheme}://{authority}:{port}{path}", UriKind.Absolute, out var uri) ? uri : null;
    }
}
