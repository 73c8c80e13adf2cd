using System.Text.Json;

namespace Jarvis.Satellite.Hosting;

/// <summary>
/// The satellite's configuration file before the host reads it: the JSON must parse (one line naming the file, line and
/// column otherwise, and EX_CONFIG instead of an abort); an absent file is named when the settings do not suffice.
/// </summary>
public static class SatelliteConfigFile
{
    public const string PathVariable = "JARVIS_SATELLITE_CONFIG";

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The first problem to list when the settings do not suffice and the file is absent; else null.</summary>
    public static string? Missing(string path) =>
        File.Exists(path) ? null : $"No configuration file at {path}: install.sh writes {SatelliteHost.DefaultConfigPath}; or pass --config FILE.";

    /// <summary>Null when the file can be read (or is absent), else the one problem to fix.</summary>
    public static string? Problem(string[] args)
    {
        var index = Array.IndexOf(args, "--config");
        if (index >= 0 && (index + 1 >= args.Length || args[index + 1].StartsWith("--", StringComparison.Ordinal)))
        {
            return "--config needs a file name: --config /etc/jarvis/satellite.json.";
        }

        var path = SatelliteHost.ConfigPath(args);
        if (!File.Exists(path))
        {
            // Settings may all come from the environment and the command line; when they do not suffice, the start
            // names the missing file first (SatelliteCommandLine.MissingFile).
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), Options);
            return document.RootElement.ValueKind == JsonValueKind.Object ? null : $"{path}: the file must hold one JSON object {{ \"Satellite\": {{ … }} }}.";
        }
        catch (JsonException e)
        {
            var cut = e.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            var reason = (cut > 0 ? e.Message[..cut] : e.Message).Trim();
            return $"{path} line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}: not valid JSON: {(reason.Length == 0 ? "the file is empty or cut short." : reason)}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{path} cannot be read: {e.Message}";
        }
    }
}
