using System.Buffers.Binary;

namespace Jarvis.Protocol.Ogg;

/// <summary>Byte layout of an Ogg page header (RFC 3533 §6) and the shared page writer.</summary>
internal static class OggPageLayout
{
    public const int HeaderSize = 27;
    public const int VersionOffset = 4;
    public const int FlagsOffset = 5;
    public const int GranuleOffset = 6;
    public const int SerialOffset = 14;
    public const int SequenceOffset = 18;
    public const int CrcOffset = 22;
    public const int SegmentCountOffset = 26;
    public const int MaxSegments = 255;
    public const int MaxBodySize = MaxSegments * 255;
    public const int MaxPageSize = HeaderSize + MaxSegments + MaxBodySize;

    public static ReadOnlySpan<byte> CapturePattern => "OggS"u8;

    /// <summary>Number of lacing values a packet of <paramref name="length"/> bytes needs.</summary>
    public static int SegmentsFor(int length) => (length / 255) + 1;

    /// <summary>Writes one complete page (header, lacing, body, CRC) and returns its size.</summary>
    public static int WritePage(
        Span<byte> destination,
        OggPageFlags flags,
        long granule,
        uint serial,
        uint sequence,
        ReadOnlySpan<byte> lacing,
        ReadOnlySpan<byte> body)
    {
        var size = HeaderSize + lacing.Length + body.Length;
        var page = destination[..size];
        CapturePattern.CopyTo(page);
        page[VersionOffset] = 0;
        page[FlagsOffset] = (byte)flags;
        BinaryPrimitives.WriteInt64LittleEndian(page[GranuleOffset..], granule);
        BinaryPrimitives.WriteUInt32LittleEndian(page[SerialOffset..], serial);
        BinaryPrimitives.WriteUInt32LittleEndian(page[SequenceOffset..], sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(page[CrcOffset..], 0);
        page[SegmentCountOffset] = (byte)lacing.Length;
        lacing.CopyTo(page[HeaderSize..]);
        body.CopyTo(page[(HeaderSize + lacing.Length)..]);
        BinaryPrimitives.WriteUInt32LittleEndian(page[CrcOffset..], OggCrc.Compute(page));
        return size;
    }
}
