using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Jarvis.Protocol.Json;

namespace Jarvis.Server.Wyoming;

/// <summary>
/// Pure Wyoming framing reader: a JSON header line, then <c>data_length</c> bytes of JSON merged over the header's
/// <c>data</c>, then <c>payload_length</c> bytes. <see cref="TryRead"/> consumes one whole event or leaves the buffer
/// untouched when more bytes are needed; malformed input throws <see cref="WyomingProtocolException"/>.
/// </summary>
public static class WyomingEventReader
{
    private static readonly JsonDocumentOptions StrictJson = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    public static bool TryRead(ref ReadOnlySequence<byte> buffer, out WyomingEvent? evt) =>
        TryRead(ref buffer, WyomingLimits.Default, out evt);

    public static bool TryRead(ref ReadOnlySequence<byte> buffer, WyomingLimits limits, out WyomingEvent? evt)
    {
        evt = null;
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
        {
            if (buffer.Length > limits.MaxHeaderBytes)
            {
                throw new WyomingProtocolException($"header line longer than {limits.MaxHeaderBytes} bytes");
            }

            return false;
        }

        if (line.Length > limits.MaxHeaderBytes)
        {
            throw new WyomingProtocolException($"header line longer than {limits.MaxHeaderBytes} bytes");
        }

        var header = ParseObject(line, "header");
        var type = header["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? JsonText.Read(t) : null;
        if (string.IsNullOrEmpty(type))
        {
            throw new WyomingProtocolException("header has no string \"type\"");
        }

        var dataLength = ReadLength(header, "data_length", limits.MaxDataBytes);
        var payloadLength = ReadLength(header, "payload_length", limits.MaxPayloadBytes);
        if (reader.Remaining < dataLength + payloadLength)
        {
            return false;
        }

        var data = header["data"] switch
        {
            null => new JsonObject(),
            JsonObject inline => (JsonObject)inline.DeepClone(),
            _ => throw new WyomingProtocolException($"\"data\" of {type} is not an object"),
        };

        if (dataLength > 0)
        {
            var block = ParseObject(reader.UnreadSequence.Slice(0, dataLength), $"data block of {type}");
            foreach (var (key, value) in block.ToArray())
            {
                block.Remove(key);
                data[key] = value;
            }

            reader.Advance(dataLength);
        }

        var payload = payloadLength > 0 ? reader.UnreadSequence.Slice(0, payloadLength).ToArray() : ReadOnlyMemory<byte>.Empty;
        reader.Advance(payloadLength);
        buffer = buffer.Slice(reader.Position);
        evt = new WyomingEvent(type, data, payload);
        return true;
    }

    private static int ReadLength(JsonObject header, string key, int max)
    {
        switch (header[key])
        {
            case null:
                return 0;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out long n):
                if (n < 0 || n > max)
                {
                    throw new WyomingProtocolException($"\"{key}\" {n} outside 0..{max}");
                }

                return (int)n;
            default:
                throw new WyomingProtocolException($"\"{key}\" is not a non-negative integer");
        }
    }

    private static JsonObject ParseObject(ReadOnlySequence<byte> json, string what)
    {
        try
        {
            // The span overload rejects anything after the value, as Python's json.loads does ("Extra data").
            var bytes = json.IsSingleSegment ? json.FirstSpan : json.ToArray();
            if (!Utf8.IsValid(bytes))
            {
                // JsonNode reads strings lazily: invalid UTF-8 would surface later, at the first access, as an InvalidOperationException.
                throw new WyomingProtocolException($"{what} is not valid UTF-8");
            }

            var parsed = JsonNode.Parse(bytes, documentOptions: StrictJson) as JsonObject
                ?? throw new WyomingProtocolException($"{what} is not a JSON object");
            _ = parsed.Count; // unescapes the property names now, not at the first access of a field, anywhere later
            return parsed;
        }
        catch (JsonException ex)
        {
            throw new WyomingProtocolException($"{what} is not valid JSON: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            // A property name holding a lone surrogate escape ("\udc0a"): valid JSON, but not a name anything could ask for.
            throw new WyomingProtocolException($"{what} has a property name that is not valid UTF-16", ex);
        }
    }
}
