using System.Text.Json.Serialization;
using Jarvis.Protocol.Link.Internal;

namespace Jarvis.Protocol.Link;

/// <summary>Codec of an audio frame's payload (second header byte). The sample rate is agreed in hello/welcome.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<LinkCodec>))]
public enum LinkCodec : byte
{
    /// <summary>One Opus packet (RFC 6716), any frame size up to 120 ms.</summary>
    Opus = 1,

    /// <summary>Signed 16-bit little-endian mono PCM (tests and debugging).</summary>
    Pcm16 = 2,
}
