using System.Buffers;
using System.Text.Json;

namespace Jarvis.Server.Wyoming;

/// <summary>
/// Pure Wyoming framing writer in the reference library's style: the header never carries <c>data</c>; a non-empty
/// data object goes in the extra data block (<c>data_length</c>), a non-empty payload after it (<c>payload_length</c>).
/// </summary>
public sealed class WyomingEventWriter
{
    /// <summary>Protocol version written in every header (the reference library writes its own; readers ignore it).</summary>
    public const string ProtocolVersion = "1.7.1";

    private readonly ArrayBufferWriter<byte> _data = new(256);
    private Utf8JsonWriter? _json;

    public void Write(WyomingEvent evt, IBufferWriter<byte> output)
    {
        _data.ResetWrittenCount();
        if (evt.Data.Count > 0)
        {
            var json = Json(_data);
            evt.Data.WriteTo(json);
            json.Flush();
        }

        WriteFrame(evt.Type, _data.WrittenSpan, evt.Payload.Span, output);
    }

    /// <summary>Writes an <c>audio-chunk</c> without building a JSON tree (the per-frame path).</summary>
    public void WriteAudioChunk(AudioFormat format, long? timestampMs, ReadOnlySpan<byte> pcm, IBufferWriter<byte> output)
    {
        _data.ResetWrittenCount();
        var json = Json(_data);
        json.WriteStartObject();
        json.WriteNumber("rate"u8, format.Rate);
        json.WriteNumber("width"u8, format.Width);
        json.WriteNumber("channels"u8, format.Channels);
        if (timestampMs is { } ts)
        {
            json.WriteNumber("timestamp"u8, ts);
        }

        json.WriteEndObject();
        json.Flush();
        WriteFrame(WyomingEventTypes.AudioChunk, _data.WrittenSpan, pcm, output);
    }

    private Utf8JsonWriter Json(IBufferWriter<byte> target)
    {
        if (_json is null)
        {
            _json = new Utf8JsonWriter(target);
        }
        else
        {
            _json.Reset(target);
        }

        return _json;
    }

    private void WriteFrame(string type, ReadOnlySpan<byte> data, ReadOnlySpan<byte> payload, IBufferWriter<byte> output)
    {
        var json = Json(output);
        json.WriteStartObject();
        json.WriteString("type"u8, type);
        json.WriteString("version"u8, ProtocolVersion);
        if (!data.IsEmpty)
        {
            json.WriteNumber("data_length"u8, data.Length);
        }

        if (!payload.IsEmpty)
        {
            json.WriteNumber("payload_length"u8, payload.Length);
        }

        json.WriteEndObject();
        json.Flush();
        output.Write("\n"u8);
        output.Write(data);
        output.Write(payload);
    }
}
