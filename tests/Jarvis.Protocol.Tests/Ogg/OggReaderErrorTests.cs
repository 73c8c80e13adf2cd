using System.Buffers.Binary;
using Jarvis.Protocol.Ogg;

namespace Jarvis.Protocol.Tests.Ogg;

public sealed class OggReaderErrorTests
{
    private static readonly byte[][] Packets = [OggTestStreams.Packet(100, 1), OggTestStreams.Packet(120, 2)];

    [Fact]
    public void Corrupted_byte_is_a_bad_CRC()
    {
        var stream = OggTestStreams.Write(Packets);
        stream[^5] ^= 0x40;

        var (packets, error) = ReadAll(stream);

        Assert.Equal(3, packets);
        Assert.StartsWith("bad CRC", error);
    }

    [Fact]
    public void Corrupted_byte_is_accepted_when_CRC_checking_is_off()
    {
        var stream = OggTestStreams.Write(Packets);
        stream[^5] ^= 0x40;

        var (packets, error) = ReadAll(stream, new OggReaderOptions { VerifyCrc = false });

        Assert.Equal(4, packets);
        Assert.Null(error);
    }

    [Fact]
    public void Stream_without_its_BOS_page_is_rejected()
    {
        var stream = OggTestStreams.Write(Packets);
        var pages = OggPageDump.Parse(stream);

        var (packets, error) = ReadAll(stream[pages[1].Offset..]);

        Assert.Equal(0, packets);
        Assert.Equal("first page of serial 7 lacks BOS", error);
    }

    [Fact]
    public void Stream_without_its_BOS_page_is_read_when_BOS_is_not_required()
    {
        var stream = OggTestStreams.Write(Packets);
        var pages = OggPageDump.Parse(stream);

        var (packets, error) = ReadAll(stream[pages[1].Offset..], new OggReaderOptions { RequireBos = false });

        Assert.Equal(3, packets);
        Assert.Null(error);
    }

    [Fact]
    public void Joining_mid_stream_on_a_continued_page_drops_the_unseen_packet_tail_when_BOS_is_not_required()
    {
        var tail = new[] { OggTestStreams.Packet(100, 1), OggTestStreams.Packet(120, 2) };
        var stream = OggTestStreams.Write([OggTestStreams.Packet(70000, 3), .. tail]);
        var continued = OggPageDump.Parse(stream)[3];
        Assert.Equal(OggPageFlags.Continued, continued.Flags);

        var audio = OggTestStreams.ReadAudio(stream[continued.Offset..], out var lenient, new OggReaderOptions { RequireBos = false });
        var (_, strictError) = ReadAll(stream[continued.Offset..], new OggReaderOptions());

        Assert.Null(lenient.Error);
        Assert.Equal(tail, audio);
        Assert.Equal("first page of serial 7 lacks BOS", strictError);
    }

    [Fact]
    public void Joining_mid_stream_skips_an_unseen_packet_spanning_several_pages()
    {
        var tail = new[] { OggTestStreams.Packet(100, 1) };
        var stream = OggTestStreams.Write([OggTestStreams.Packet(200000, 3), .. tail]);
        var pages = OggPageDump.Parse(stream);
        Assert.Equal(OggPageFlags.Continued, pages[3].Flags);
        Assert.Equal(OggPageFlags.Continued, pages[4].Flags);

        var audio = OggTestStreams.ReadAudio(stream[pages[3].Offset..], out var reader, new OggReaderOptions { RequireBos = false });

        Assert.Null(reader.Error);
        Assert.Equal(tail, audio);
    }

    [Fact]
    public void Second_BOS_for_the_same_serial_is_rejected()
    {
        var stream = OggTestStreams.Write(Packets).Concat(OggTestStreams.Write(Packets)).ToArray();

        var (packets, error) = ReadAll(stream);

        Assert.Equal(4, packets);
        Assert.Equal("second BOS page for serial 7", error);
    }

    [Fact]
    public void A_new_stream_under_a_new_serial_is_accepted()
    {
        var stream = OggTestStreams.Write(Packets, endOfStream: true).Concat(OggTestStreams.Write(Packets, serial: 8)).ToArray();

        var (packets, error) = ReadAll(stream);

        Assert.Equal(8, packets);
        Assert.Null(error);
    }

    [Fact]
    public void Garbage_is_reported_as_a_missing_capture_pattern()
    {
        var (_, error) = ReadAll("HTTP/1.1 200 OK\r\n"u8.ToArray());

        Assert.Equal("capture pattern not found", error);
    }

    [Fact]
    public void Unknown_stream_structure_version_is_rejected()
    {
        var stream = OggTestStreams.Write(Packets);
        stream[4] = 1;
        RewriteCrc(stream, 0);

        var (_, error) = ReadAll(stream);

        Assert.Equal("unsupported Ogg stream structure version 1", error);
    }

    [Fact]
    public void Continued_page_without_an_unfinished_packet_is_rejected()
    {
        var stream = OggTestStreams.Write(Packets);
        var audioPage = OggPageDump.Parse(stream)[2].Offset;
        stream[audioPage + 5] = (byte)OggPageFlags.Continued;
        RewriteCrc(stream, audioPage);

        var (_, error) = ReadAll(stream);

        Assert.Equal("page 2 of serial 7 continues a packet that was never started", error);
    }

    [Fact]
    public void Packet_larger_than_the_limit_is_rejected()
    {
        var stream = OggTestStreams.Write([OggTestStreams.Packet(70000, 3)]);

        var (_, error) = ReadAll(stream, new OggReaderOptions { MaxPacketSize = 65536 });

        Assert.Equal("packet of serial 7 is larger than 65536 bytes", error);
    }

    [Fact]
    public void Reader_stays_in_error_and_ignores_later_data()
    {
        var reader = new OggOpusReader();
        reader.Append("junk"u8);
        Assert.Equal(OggReadStatus.Error, reader.TryReadPacket(out _));

        reader.Append(OggTestStreams.Write(Packets));

        Assert.Equal(OggReadStatus.Error, reader.TryReadPacket(out _));
        Assert.Equal(0, reader.BufferedBytes);
    }

    private static (int Packets, string? Error) ReadAll(byte[] stream, OggReaderOptions? options = null)
    {
        var reader = new OggOpusReader(options);
        reader.Append(stream);
        var (packets, status) = OggTestStreams.Drain(reader);
        Assert.Equal(reader.Error is null ? OggReadStatus.NeedMoreData : OggReadStatus.Error, status);
        return (packets.Count, reader.Error);
    }

    private static void RewriteCrc(byte[] stream, int pageOffset)
    {
        int segments = stream[pageOffset + 26];
        var pageLength = 27 + segments + stream.AsSpan(pageOffset + 27, segments).ToArray().Sum(b => b);
        var page = stream.AsSpan(pageOffset, pageLength);
        BinaryPrimitives.WriteUInt32LittleEndian(page[22..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(page[22..], OggCrc.Compute(page));
    }
}
