namespace Jarvis.Protocol.Ogg;

/// <summary>Strictness of <see cref="OggOpusReader"/>; the defaults match RustAudio/ogg 0.9.2 as used by PersonaPlex.</summary>
public sealed record OggReaderOptions
{
    /// <summary>Reject pages whose CRC-32 does not match.</summary>
    public bool VerifyCrc { get; init; } = true;

    /// <summary>Reject a logical stream whose first page lacks the BOS flag.</summary>
    public bool RequireBos { get; init; } = true;

    /// <summary>Reject packets larger than this many bytes (protects against unbounded buffering).</summary>
    public int MaxPacketSize { get; init; } = 1 << 20;
}
