using System.Globalization;
using System.Text.Json;
using Jarvis.Protocol.Json;

namespace Jarvis.Server.PersonaPlex.Realtime;

/// <summary>One <c>error</c> event: <c>{"type":"error","error":{"type","code","message","event_id"?,"param"?}}</c> (spec §11).</summary>
internal sealed record RealtimeServerError(string Code, string Type, string Message)
{
    /// <summary>Reads an error event; a malformed one still gives an error (code <c>unreadable_error</c>).</summary>
    public static RealtimeServerError Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                return new RealtimeServerError(Text(error, "code") ?? "unknown", Text(error, "type") ?? "invalid_request_error", Text(error, "message") ?? string.Empty);
            }
        }
        catch (JsonException)
        {
            // Fall through.
        }

        return new RealtimeServerError("unreadable_error", "server_error", "an error event that could not be read");
    }

    /// <summary>How the client must react to this error.</summary>
    public RealtimeErrorKind Kind => Code switch
    {
        "resource_exhausted" => RealtimeErrorKind.Busy,
        "invalid_voice" or "prefill_unavailable" or "unsupported_audio_format" or "invalid_session_config"
            or "invalid_duplex_runtime_config" or "persona_update_unsupported" or "voice_update_unsupported" => RealtimeErrorKind.Configuration,
        "bad_event" when Message.Contains("format must be", StringComparison.Ordinal)
            || Message.Contains("sample_rate_hz must", StringComparison.Ordinal) => RealtimeErrorKind.Configuration,
        "runtime_append_failed" when Message.Contains("context_limit", StringComparison.Ordinal) => RealtimeErrorKind.WindowFull,
        "input_backpressure" => RealtimeErrorKind.Backpressure,
        "unknown_session" or "session_closed" or "realtime_input_failed" or "config_timeout" or "engine_error" or "internal_error" => RealtimeErrorKind.SessionLost,
        _ when Code.StartsWith("runtime_", StringComparison.Ordinal) || Type == "server_error" => RealtimeErrorKind.SessionLost,
        _ => RealtimeErrorKind.Refused,
    };

    /// <summary>The limit in "duplex_session_capacity_exhausted: limit=N", if the message carries one.</summary>
    public int? AdvertisedLimit
    {
        get
        {
            var at = Message.IndexOf("limit=", StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }

            var digits = Message.AsSpan(at + "limit=".Length);
            var length = 0;
            while (length < digits.Length && char.IsAsciiDigit(digits[length]))
            {
                length++;
            }

            return int.TryParse(digits[..length], NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? limit : null;
        }
    }

    public override string ToString() => $"{Code}: {Message}";

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? JsonText.Read(value) : null;
}
