using System.Buffers;
using Jarvis.Protocol.Ogg;

namespace Jarvis.Protocol.Tests.Ogg;

public sealed class PersonaPlexHeaderTests
{
    [Fact]
    public void Writer_reproduces_the_PersonaPlex_header_pages_byte_for_byte()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new OggOpusWriter(42, OggTestStreams.PersonaPlexHead, "sphn-pyo3");

        writer.WriteHeaders(output);

        Assert.Equal(Convert.ToHexString(PersonaPlexPages.Page0.Concat(PersonaPlexPages.Page1).ToArray()), Convert.ToHexString(output.WrittenSpan));
        Assert.Equal(2u, writer.PageSequence);
    }

    [Fact]
    public void Reader_parses_the_PersonaPlex_header_pages()
    {
        var reader = new OggOpusReader();
        reader.Append(PersonaPlexPages.Page0);
        reader.Append(PersonaPlexPages.Page1);

        var (packets, status) = OggTestStreams.Drain(reader);

        Assert.Equal(OggReadStatus.NeedMoreData, status);
        Assert.Equal(2, packets.Count);
        Assert.All(packets, p => Assert.True(p.Info.IsHeader));
        Assert.All(packets, p => Assert.Equal(42u, p.Info.Serial));
        Assert.Equal(new OpusHead(1, 1, 3840, 24000, 0, 0), reader.Head);
        Assert.Equal("sphn-pyo3", OpusTags.TryReadVendor(packets[1].Data));
        Assert.Null(reader.Error);
    }

    [Fact]
    public void Reader_accepts_PersonaPlex_audio_pages_with_24kHz_granules_and_no_EOS_in_one_chunk()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new OggOpusWriter(42, OggTestStreams.PersonaPlexHead, "sphn-pyo3");
        writer.WriteHeaders(output);
        for (var i = 0; i < 3; i++)
        {
            writer.WritePacket(OggTestStreams.Packet(280, i), 1920, output);
        }

        var reader = new OggOpusReader();
        reader.Append(output.WrittenSpan);
        var (packets, status) = OggTestStreams.Drain(reader);

        Assert.Equal(OggReadStatus.NeedMoreData, status);
        Assert.Equal([1920L, 3840L, 5760L], packets.Where(p => !p.Info.IsHeader).Select(p => p.Info.Granule));
        Assert.Equal([2u, 3u, 4u], packets.Where(p => !p.Info.IsHeader).Select(p => p.Info.PageSequence));
        Assert.DoesNotContain(packets, p => p.Info.EndOfStream);
    }

    [Fact]
    public void Crc_matches_the_PersonaPlex_page_checksums()
    {
        var page = PersonaPlexPages.Page0.ToArray();
        page.AsSpan(22, 4).Clear();

        Assert.Equal(0x228788EFu, OggCrc.Compute(page));
    }
}
