using System.Buffers;
using System.Text.Json;
using Jarvis.Protocol.Link.Internal;
using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Protocol.Link;

/// <summary>Writes control messages as UTF-8 JSON for a WebSocket text frame (audio frames: <see cref="AudioFrameCodec"/>).</summary>
public static class LinkMessageWriter
{
    /// <summary>Writes <paramref name="message"/> into <paramref name="writer"/>.</summary>
    public static void Write(LinkMessage message, IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var json = new Utf8JsonWriter(writer);
        JsonSerializer.Serialize(json, message, LinkJsonContext.Default.LinkMessage);
    }

    /// <summary>Returns <paramref name="message"/> as UTF-8 JSON.</summary>
    public static byte[] ToUtf8(LinkMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return JsonSerializer.SerializeToUtf8Bytes(message, LinkJsonContext.Default.LinkMessage);
    }

    /// <summary>Returns <paramref name="message"/> as a JSON string (for logs and tests).</summary>
    public static string ToJson(LinkMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return JsonSerializer.Serialize(message, LinkJsonContext.Default.LinkMessage);
    }
}
