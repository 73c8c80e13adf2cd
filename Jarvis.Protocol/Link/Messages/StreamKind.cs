using System.Text.Json.Serialization;
using Jarvis.Protocol.Link.Internal;

namespace Jarvis.Protocol.Link.Messages;

/// <summary>How the downlink audio that follows a <see cref="StreamMessage"/> is paced, and so how the satellite plays it.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<StreamKind>))]
public enum StreamKind
{
    /// <summary>
    /// Paced by a clock at the sender (PersonaPlex's duplex audio): its depth in the jitter buffer is latency, held at the
    /// target whatever the depth.
    /// </summary>
    RealTime,

    /// <summary>Produced faster than real time (a synthesised answer, an earcon): played whole, never shortened.</summary>
    Burst,
}
