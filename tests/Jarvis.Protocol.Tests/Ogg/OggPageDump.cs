using Jarvis.Protocol.Ogg;

namespace Jarvis.Protocol.Tests.Ogg;

/// <summary>Splits a byte stream into its pages for assertions on flags, granules and lacing.</summary>
internal sealed record OggPageDump(OggPageFlags Flags, long Granule, uint Sequence, byte[] Lacing, int Offset)
{
    public static List<OggPageDump> Parse(byte[] stream)
    {
        var pages = new List<OggPageDump>();
        var offset = 0;
        while (offset < stream.Length)
        {
            var status = OggPageHeader.TryParse(stream.AsSpan(offset), verifyCrc: true, out var header, out var error);
            Assert.True(status == OggReadStatus.Packet, error ?? "incomplete page");
            var lacing = stream.AsSpan(offset + header.LacingOffset, header.SegmentCount).ToArray();
            pages.Add(new OggPageDump(header.Flags, header.Granule, header.Sequence, lacing, offset));
            offset += header.PageLength;
        }

        return pages;
    }
}
