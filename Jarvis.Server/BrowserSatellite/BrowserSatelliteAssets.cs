using System.Collections.Frozen;

namespace Jarvis.Server.BrowserSatellite;

/// <summary>
/// The browser satellite's files (<c>Assets/*</c>, embedded; plain HTML, CSS and JavaScript modules, no build step), by the
/// name they are served under.
/// </summary>
internal static class BrowserSatelliteAssets
{
    private const string Prefix = "Jarvis.Server.BrowserSatellite.Assets.";

    public static readonly FrozenDictionary<string, Asset> ByName = Load();

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(BrowserSatelliteAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var name = resource[Prefix.Length..];
            assets[name] = new Asset(buffer.ToArray(), ContentType(name));
        }

        if (!assets.ContainsKey("satellite.html"))
        {
            throw new InvalidOperationException("The browser satellite's page is missing from the build.");
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    internal sealed record Asset(byte[] Content, string ContentType);
}
