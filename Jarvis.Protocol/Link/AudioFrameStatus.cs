namespace Jarvis.Protocol.Link;

/// <summary>Outcome of parsing a binary audio frame.</summary>
public enum AudioFrameStatus
{
    /// <summary>A valid frame.</summary>
    Ok,

    /// <summary>Shorter than the 12-byte header.</summary>
    TooShort,

    /// <summary>Larger than <see cref="LinkProtocol.MaxFrameBytes"/>.</summary>
    TooLarge,

    /// <summary>The version nibble is not <see cref="LinkProtocol.Version"/>.</summary>
    UnsupportedVersion,

    /// <summary>A direction value this version does not know (reserved for later versions).</summary>
    UnknownDirection,

    /// <summary>A codec id this version does not know.</summary>
    UnknownCodec,

    /// <summary>No payload after the header.</summary>
    EmptyPayload,

    /// <summary>A PCM16 payload with an odd number of bytes.</summary>
    OddPcmLength,
}
