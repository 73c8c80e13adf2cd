using System.Text.Json.Serialization;
using Jarvis.Protocol.Link.Internal;

namespace Jarvis.Protocol.Link.Messages;

/// <summary>Why the server refused a hello.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<RejectReason>))]
public enum RejectReason
{
    /// <summary>The token does not match the satellite's configured token.</summary>
    BadToken,

    /// <summary>The satellite id is not configured or enrolled.</summary>
    UnknownSatellite,

    /// <summary>The hello's protocol version is not served.</summary>
    UnsupportedVersion,

    /// <summary>None of the offered codecs or sample rates is usable.</summary>
    UnsupportedAudio,

    /// <summary>The server cannot take more satellites.</summary>
    ServerBusy,
}
