namespace Jarvis.Protocol.Ogg;

/// <summary>Outcome of <see cref="OggOpusReader.TryReadPacket"/>.</summary>
public enum OggReadStatus
{
    /// <summary>A packet was returned.</summary>
    Packet,

    /// <summary>No complete packet is buffered yet: append more bytes.</summary>
    NeedMoreData,

    /// <summary>The stream is invalid; <see cref="OggOpusReader.Error"/> says why. The reader stays in this state.</summary>
    Error,
}
