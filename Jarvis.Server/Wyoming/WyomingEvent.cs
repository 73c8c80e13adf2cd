using System.Text.Json;
using System.Text.Json.Nodes;
using Jarvis.Protocol.Json;

namespace Jarvis.Server.Wyoming;

/// <summary>
/// One Wyoming event: a type, its data object (header <c>data</c> merged with the extra data block) and an optional
/// binary payload (raw PCM for audio chunks). JSON <c>null</c> values read as absent.
/// </summary>
public sealed class WyomingEvent
{
    public WyomingEvent(string type, JsonObject? data = null, ReadOnlyMemory<byte> payload = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        Type = type;
        Data = data ?? [];
        Payload = payload;
    }

    public string Type { get; }

    public JsonObject Data { get; }

    public ReadOnlyMemory<byte> Payload { get; }

    public string? GetString(string key) =>
        Data[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? JsonText.Read(v) : null;

    public int? GetInt32(string key) =>
        Data[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out int i) ? i
        : Data[key] is JsonValue d && d.GetValueKind() == JsonValueKind.Number && d.TryGetValue(out double x) && x == Math.Floor(x) && x is >= int.MinValue and <= int.MaxValue ? (int)x
        : null;

    public long? GetInt64(string key) =>
        Data[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out long l) ? l
        : Data[key] is JsonValue d && d.GetValueKind() == JsonValueKind.Number && d.TryGetValue(out double x) && x == Math.Floor(x) ? (long)x
        : null;

    public double? GetDouble(string key) =>
        Data[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out double x) && double.IsFinite(x) ? x : null;

    public bool? GetBoolean(string key) => Data[key] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
        _ => null,
    };

    public override string ToString() =>
        Payload.IsEmpty ? $"{Type} {DataText()}" : $"{Type} {DataText()} +{Payload.Length} bytes";

    /// <summary>The data as JSON for a log line; a string holding a lone surrogate escape cannot be written again.</summary>
    private string DataText()
    {
        try
        {
            return Data.ToJsonString();
        }
        catch (InvalidOperationException)
        {
            return $"{{{Data.Count} fields, not valid UTF-16}}";
        }
    }
}
