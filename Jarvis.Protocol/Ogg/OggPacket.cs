namespace Jarvis.Protocol.Ogg;

/// <summary>
/// One packet read from an Ogg stream. <see cref="Data"/> points into the reader's buffers and is valid
/// only until the next call on the reader (copy it to keep it).
/// </summary>
/// <param name="Data">The packet bytes.</param>
/// <param name="Granule">Granule position of the page on which the packet ends (-1 when the page ends no packet).</param>
/// <param name="Serial">Serial number of the logical stream.</param>
/// <param name="PageSequence">Sequence number of the page on which the packet ends.</param>
/// <param name="IsHeader">The packet is an OpusHead or OpusTags header.</param>
/// <param name="EndOfStream">The packet is the last one of an EOS page.</param>
public readonly record struct OggPacket(
    ReadOnlyMemory<byte> Data,
    long Granule,
    uint Serial,
    uint PageSequence,
    bool IsHeader,
    bool EndOfStream);
