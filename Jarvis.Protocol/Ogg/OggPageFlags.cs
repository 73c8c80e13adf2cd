namespace Jarvis.Protocol.Ogg;

/// <summary>The header-type flags of an Ogg page (RFC 3533 §6).</summary>
[Flags]
public enum OggPageFlags : byte
{
    None = 0,

    /// <summary>The first packet on this page continues a packet from the previous page.</summary>
    Continued = 1,

    /// <summary>First page of a logical bitstream.</summary>
    BeginOfStream = 2,

    /// <summary>Last page of a logical bitstream.</summary>
    EndOfStream = 4,
}
