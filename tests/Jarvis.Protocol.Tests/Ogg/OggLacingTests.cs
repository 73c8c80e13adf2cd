using Jarvis.Protocol.Ogg;

namespace Jarvis.Protocol.Tests.Ogg;

public sealed class OggLacingTests
{
    [Theory]
    [InlineData(0, new byte[] { 0 })]
    [InlineData(1, new byte[] { 1 })]
    [InlineData(254, new byte[] { 254 })]
    [InlineData(255, new byte[] { 255, 0 })]
    [InlineData(510, new byte[] { 255, 255, 0 })]
    [InlineData(600, new byte[] { 255, 255, 90 })]
    public void Packet_is_laced_in_255_byte_segments_and_a_multiple_of_255_gets_a_trailing_zero(int length, byte[] lacing)
    {
        var packet = OggTestStreams.Packet(length, length);
        var stream = OggTestStreams.Write([packet]);

        var pages = OggPageDump.Parse(stream);
        var audio = OggTestStreams.ReadAudio(stream, out var reader);

        Assert.Equal(lacing, pages[2].Lacing);
        Assert.Equal(packet, Assert.Single(audio));
        Assert.Null(reader.Error);
    }

    [Fact]
    public void Packet_larger_than_a_page_continues_on_the_next_page()
    {
        var packet = OggTestStreams.Packet(70000, 1);
        var stream = OggTestStreams.Write([packet]);

        var pages = OggPageDump.Parse(stream);
        var audio = OggTestStreams.ReadAudio(stream, out _);

        Assert.Equal(4, pages.Count);
        Assert.Equal(255, pages[2].Lacing.Length);
        Assert.Equal(-1, pages[2].Granule);
        Assert.Equal(OggPageFlags.None, pages[2].Flags);
        Assert.Equal(OggPageFlags.Continued, pages[3].Flags);
        Assert.Equal(960, pages[3].Granule);
        Assert.Equal(packet, Assert.Single(audio));
    }

    [Fact]
    public void Several_packets_share_a_page_and_the_page_granule_is_that_of_its_last_packet()
    {
        var packets = Enumerable.Range(0, 5).Select(i => OggTestStreams.Packet(100 + i, i)).ToArray();
        var stream = OggTestStreams.Write(packets, maxPacketsPerPage: 2);

        var pages = OggPageDump.Parse(stream);
        var audio = OggTestStreams.ReadAudio(stream, out _);

        Assert.Equal([1920L, 3840L, 4800L], pages.Skip(2).Select(p => p.Granule));
        Assert.Equal(packets, audio);
    }

    [Fact]
    public void A_packet_that_does_not_fit_the_current_page_starts_a_new_one()
    {
        var packets = new[] { OggTestStreams.Packet(200 * 255, 1), OggTestStreams.Packet(100 * 255, 2) };
        var stream = OggTestStreams.Write(packets, maxPacketsPerPage: 4);

        var pages = OggPageDump.Parse(stream);
        var audio = OggTestStreams.ReadAudio(stream, out _);

        Assert.Equal(201, pages[2].Lacing.Length);
        Assert.Equal(OggPageFlags.None, pages[3].Flags);
        Assert.Equal(packets, audio);
    }

    [Fact]
    public void End_of_stream_flush_marks_the_last_packet_and_refuses_more()
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new OggOpusWriter(3, OggTestStreams.PersonaPlexHead, maxPacketsPerPage: 3);
        writer.WriteHeaders(output);
        writer.WritePacket([1, 2, 3], 960, output);
        writer.Flush(output, endOfStream: true);

        var reader = new OggOpusReader();
        reader.Append(output.WrittenSpan);
        var (packets, _) = OggTestStreams.Drain(reader);

        Assert.True(packets[^1].Info.EndOfStream);
        Assert.Equal(OggPageFlags.EndOfStream, OggPageDump.Parse(output.WrittenSpan.ToArray())[^1].Flags);
        Assert.Throws<InvalidOperationException>(() => writer.WritePacket([1], 960, output));
    }

    [Fact]
    public void Writing_audio_before_the_headers_is_refused()
    {
        var writer = new OggOpusWriter(3, OggTestStreams.PersonaPlexHead);

        Assert.Throws<InvalidOperationException>(() => writer.WritePacket([1], 960, new System.Buffers.ArrayBufferWriter<byte>()));
    }
}
