using System.Text.Json;
using System.Text.Json.Nodes;
using Jarvis.Protocol.Json;

namespace Jarvis.Server.HomeAssistant.Client;

/// <summary>
/// Reads fields of Home Assistant's JSON without trusting their kinds: a field of the wrong kind (a number where a string
/// belongs, an array where an object belongs) reads as missing. The explicit casts of <see cref="JsonNode"/> throw
/// instead, and one odd message must not end the connection; a lone surrogate escape in a string reads as U+FFFD.
/// </summary>
internal static class HaJson
{
    // Duplicate names fail the parse: JsonObject would otherwise throw ArgumentException at the first access, anywhere later.
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    /// <summary>
    /// Parses a message or body; <see cref="JsonException"/> when it is not JSON, repeats a property name or has a property
    /// name with a lone surrogate escape (the duplicate check reads every name, and throws InvalidOperationException for
    /// those: after a parse, no name can throw at its first access).
    /// </summary>
    public static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: Strict);
        }
        catch (InvalidOperationException ex)
        {
            throw new JsonException($"A property name is not valid UTF-16: {ex.Message}", ex);
        }
    }

    /// <summary>The property <paramref name="name"/> of <paramref name="node"/> when it is an object, else null.</summary>
    public static JsonNode? Child(JsonNode? node, string name) => node is JsonObject obj ? obj[name] : null;

    /// <summary>The string value, or null.</summary>
    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? JsonText.Read(value) : null;

    /// <summary>The string property <paramref name="name"/> of an object, or null.</summary>
    public static string? Text(JsonNode? node, string name) => Text(Child(node, name));

    /// <summary>True only for the JSON literal <c>true</c>.</summary>
    public static bool IsTrue(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    /// <summary>An integral number that fits an <see cref="int"/>, or null.</summary>
    public static int? Int32(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out int number) ? number : null;

    /// <summary>The strings of an array (other items skipped); empty for anything else.</summary>
    public static IReadOnlyList<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(item => Text(item)).OfType<string>().ToList() : [];
}
