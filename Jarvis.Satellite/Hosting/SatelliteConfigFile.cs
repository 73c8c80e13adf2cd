using System.Text.Json;

namespace Jarvis.Satellite.Hosting;

/// <summary>
/// The satellite's configuration file before the host reads it: a file named with <c>--config</c> or
/// <c>JARVIS_SATELLITE_CONFIG</c> must exist, and the JSON must parse; each problem is one line naming the file (and the
/// line and column for broken JSON), so that the program exits with EX_CONFIG instead of aborting.
/// </summary>
public static class SatelliteConfigFile
{
    public const string PathVariable = "JARVIS_SATELLITE_CONFIG";

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>True when the file was named (option or variable) rather than the default path.</summary>
    public static bool IsNamed(string[] args) =>
        Array.IndexOf(args, "--config") >= 0 || Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 };

    /// <summary>Null when the file can be read (or, at the default path, is absent), else the one problem to fix.</summary>
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
            return IsNamed(args)
                ? $"The configuration file {path} does not exist: create it with install.sh (it writes {SatelliteHost.DefaultConfigPath}) or name an existing file."
                : null;
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
