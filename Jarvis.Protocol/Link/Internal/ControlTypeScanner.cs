using System.Text.Json;

namespace Jarvis.Protocol.Link.Internal;

/// <summary>Finds the top-level <c>type</c> of a JSON control message without deserialising it.</summary>
internal static class ControlTypeScanner
{
    private const int MaxTypeLength = 64;

    /// <summary>Returns null and the type on success, or what is wrong with the JSON.</summary>
    public static string? TryGetType(ReadOnlySpan<byte> json, out string? type)
    {
        type = null;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 16 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "a control message must be a JSON object";
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type"u8);
                reader.Read();
                if (!isType)
                {
                    reader.Skip();
                    continue;
                }

                if (type is not null)
                {
                    return "duplicate 'type'";
                }

                if (reader.TokenType != JsonTokenType.String)
                {
                    return "'type' must be a string";
                }

                type = reader.GetString();
                if (string.IsNullOrEmpty(type) || type.Length > MaxTypeLength)
                {
                    return "'type' must be 1-64 characters";
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return "text frame is not one JSON object";
            }

            return type is null ? "a control message needs a 'type'" : null;
        }
        catch (JsonException)
        {
            type = null;
            return "text frame is not valid JSON";
        }
        catch (InvalidOperationException)
        {
            // GetString on an escaped lone surrogate ("\uD800").
            type = null;
            return "'type' is not valid text";
        }
    }
}
