using System.Buffers.Binary;

namespace Jarvis.Protocol.Ogg;

/// <summary>A validated Ogg page header found at the start of a buffer.</summary>
internal readonly record struct OggPageHeader(
    OggPageFlags Flags,
    long Granule,
    uint Serial,
    uint Sequence,
    int SegmentCount,
    int BodyLength)
{
    public int LacingOffset => OggPageLayout.HeaderSize;

    public int BodyOffset => OggPageLayout.HeaderSize + SegmentCount;

    public int PageLength => BodyOffset + BodyLength;

    /// <summary>
    /// Parses the page at the start of <paramref name="data"/>: returns <see cref="OggReadStatus.Packet"/> when a
    /// complete, valid page is there, <see cref="OggReadStatus.NeedMoreData"/> when it is incomplete, or
    /// <see cref="OggReadStatus.Error"/> with a reason.
    /// </summary>
    public static OggReadStatus TryParse(ReadOnlySpan<byte> data, bool verifyCrc, out OggPageHeader header, out string? error)
    {
        header = default;
        error = null;
        var pattern = OggPageLayout.CapturePattern;
        var prefix = Math.Min(data.Length, pattern.Length);
        if (!data[..prefix].SequenceEqual(pattern[..prefix]))
        {
            error = "capture pattern not found";
            return OggReadStatus.Error;
        }

        if (data.Length < OggPageLayout.HeaderSize)
        {
            return OggReadStatus.NeedMoreData;
        }

        if (data[OggPageLayout.VersionOffset] != 0)
        {
            error = $"unsupported Ogg stream structure version {data[OggPageLayout.VersionOffset]}";
            return OggReadStatus.Error;
        }

        int segments = data[OggPageLayout.SegmentCountOffset];
        if (data.Length < OggPageLayout.HeaderSize + segments)
        {
            return OggReadStatus.NeedMoreData;
        }

        var bodyLength = 0;
        foreach (var lacing in data.Slice(OggPageLayout.HeaderSize, segments))
        {
            bodyLength += lacing;
        }

        var pageLength = OggPageLayout.HeaderSize + segments + bodyLength;
        if (data.Length < pageLength)
        {
            return OggReadStatus.NeedMoreData;
        }

        var page = data[..pageLength];
        var storedCrc = BinaryPrimitives.ReadUInt32LittleEndian(page[OggPageLayout.CrcOffset..]);
        var serial = BinaryPrimitives.ReadUInt32LittleEndian(page[OggPageLayout.SerialOffset..]);
        var sequence = BinaryPrimitives.ReadUInt32LittleEndian(page[OggPageLayout.SequenceOffset..]);
        if (verifyCrc && storedCrc != ComputeCrc(page))
        {
            error = $"bad CRC on page {sequence} of serial {serial}";
            return OggReadStatus.Error;
        }

        header = new OggPageHeader(
            (OggPageFlags)page[OggPageLayout.FlagsOffset],
            BinaryPrimitives.ReadInt64LittleEndian(page[OggPageLayout.GranuleOffset..]),
            serial,
            sequence,
            segments,
            bodyLength);
        return OggReadStatus.Packet;
    }

    private static uint ComputeCrc(ReadOnlySpan<byte> page)
    {
        var crc = OggCrc.Update(0, page[..OggPageLayout.CrcOffset]);
        crc = OggCrc.UpdateZeros(crc, 4);
        return OggCrc.Update(crc, page[(OggPageLayout.CrcOffset + 4)..]);
    }
}
