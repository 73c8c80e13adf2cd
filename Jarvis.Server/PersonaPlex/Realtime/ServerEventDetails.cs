using System.Text.Json;
using Jarvis.Protocol.Json;

namespace Jarvis.Server.PersonaPlex.Realtime;

/// <summary>The few details the client reads from rare events (<c>session.created</c>, <c>session.closed</c>).</summary>
internal static class ServerEventDetails
{
    /// <summary>The id from <c>session.id</c>, <c>session.session_id</c> or a top-level <c>session_id</c> (as the e2e driver reads it).</summary>
    public static string ReadId(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.TryGetProperty("session", out var session) && session.ValueKind == JsonValueKind.Object
                && (Text(session, "id") ?? Text(session, "session_id")) is { } id)
            {
                return id;
            }

            return Text(root, "session_id") ?? "unknown";
        }
        catch (JsonException)
        {
            return "unknown";
        }
    }

    /// <summary>The <c>reason</c> of a <c>session.closed</c> event.</summary>
    public static string? ReadCloseReason(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            return Text(document.RootElement, "reason");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? JsonText.Read(value) : null;
}
