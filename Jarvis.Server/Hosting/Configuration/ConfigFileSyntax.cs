using System.Text.Json;

namespace Jarvis.Server.Hosting.Configuration;

/// <summary>
/// Reads the configuration file the way the JSON configuration provider does (comments and trailing commas allowed)
/// and says where it is broken, with the file, line and column, before the provider's "Could not parse the JSON file".
/// </summary>
public static class ConfigFileSyntax
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Null when the file is a JSON object, else the one problem to fix.</summary>
    public static string? Check(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{path} cannot be read: {e.Message}";
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, Options);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? null
                : $"{path}: the file must hold one JSON object ({{ \"Section\": {{ \"Key\": value }} }}), not a {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.";
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            return $"{path} line {line}, column {column}: not valid JSON: {Reason(e.Message)}";
        }
    }

    /// <summary>System.Text.Json's message without its own zero-based position suffix.</summary>
    private static string Reason(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = (cut > 0 ? message[..cut] : message).Trim();
        return reason.Length == 0 ? "the file is empty or cut short." : reason;
    }
}
