using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jarvis.Protocol.Json;

/// <summary>
/// A JSON string read as text whatever it holds. <see cref="Utf8JsonReader.GetString"/> and
/// <see cref="JsonElement.GetString"/> throw <see cref="InvalidOperationException"/> for a lone surrogate escape
/// (<c>"\ud83d"</c>: valid JSON, as Python's <c>json.dumps</c> writes a string cut inside an emoji) and for invalid
/// UTF-8; a peer's message must not end a session for that, so here each such character reads as U+FFFD.
/// </summary>
public static class JsonText
{
    /// <summary>The string token at <paramref name="reader"/>, unescaped; invalid characters read as U+FFFD.</summary>
    public static string Read(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException) when (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
        {
            return Repaired(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
        }
    }

    /// <summary>The string <paramref name="element"/> holds, unescaped; invalid characters read as U+FFFD.</summary>
    public static string Read(JsonElement element)
    {
        try
        {
            return element.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException) when (element.ValueKind == JsonValueKind.String)
        {
            var raw = JsonMarshal.GetRawUtf8Value(element); // with its quotes
            return Repaired(raw[1..^1]);
        }
    }

    /// <summary>The string a parsed <paramref name="value"/> holds, unescaped; invalid characters read as U+FFFD.</summary>
    public static string Read(JsonValue value)
    {
        try
        {
            return value.GetValue<string>();
        }
        catch (InvalidOperationException) when (value.TryGetValue<JsonElement>(out var element) && element.ValueKind == JsonValueKind.String)
        {
            return Read(element);
        }
    }

    /// <summary>
    /// Unescapes <paramref name="escaped"/> (a string token's bytes without quotes) after replacing invalid UTF-8 and
    /// every surrogate escape that is not a high-low pair with <c>\uFFFD</c>.
    /// </summary>
    private static string Repaired(ReadOnlySpan<byte> escaped)
    {
        // Invalid UTF-8 becomes EF BF BD (not a quote or a backslash, so the escapes stay where they were).
        var text = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(escaped));
        var quoted = new byte[text.Length + 2];
        quoted[0] = quoted[^1] = (byte)'"';
        text.CopyTo(quoted, 1);
        var body = quoted.AsSpan(1, text.Length);
        for (var i = 0; i < body.Length - 1; i++)
        {
            if (body[i] != '\\')
            {
                continue;
            }

            if (body[i + 1] != 'u' || !TryHex(body, i + 2, out var unit))
            {
                i++; // a two-character escape
                continue;
            }

            if (unit is >= 0xD800 and <= 0xDBFF && TryHex(body, i + 8, out var low) && body[i + 6] == '\\' && body[i + 7] == 'u'
                && low is >= 0xDC00 and <= 0xDFFF)
            {
                i += 11; // a pair
            }
            else if (unit is >= 0xD800 and <= 0xDFFF)
            {
                "FFFD"u8.CopyTo(body[(i + 2)..]);
                i += 5;
            }
            else
            {
                i += 5;
            }
        }

        var reader = new Utf8JsonReader(quoted);
        try
        {
            reader.Read();
            return reader.GetString() ?? string.Empty;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return Encoding.UTF8.GetString(text); // not reachable for a token the reader accepted; never throw
        }
    }

    private static bool TryHex(ReadOnlySpan<byte> body, int start, out int value)
    {
        value = 0;
        if (start + 4 > body.Length)
        {
            return false;
        }

        for (var i = start; i < start + 4; i++)
        {
            var digit = HexDigit(body[i]);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
