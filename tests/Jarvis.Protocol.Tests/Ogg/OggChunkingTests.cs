using Jarvis.Protocol.Ogg;

namespace Jarvis.Protocol.Tests.Ogg;

public sealed class OggChunkingTests
{
    private static readonly byte[][] Packets =
        [.. Enumerable.Range(0, 12).Select(i => OggTestStreams.Packet(i * 97 % 700, i)), OggTestStreams.Packet(70000, 99)];

    private static readonly byte[] Stream = OggTestStreams.Write(Packets, maxPacketsPerPage: 3);

    [Fact]
    public void Stream_fed_one_byte_at_a_time_yields_every_packet()
    {
        var reader = new OggOpusReader();
        var audio = new List<byte[]>();
        foreach (var b in Stream)
        {
            reader.Append([b]);
            audio.AddRange(AudioOf(reader));
        }

        Assert.Equal(Packets, audio);
        Assert.Null(reader.Error);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Stream_fed_in_random_splits_yields_every_packet(int seed)
    {
        var random = new Random(seed);
        var reader = new OggOpusReader();
        var audio = new List<byte[]>();
        var offset = 0;
        while (offset < Stream.Length)
        {
            var length = Math.Min(Stream.Length - offset, random.Next(1, 3000));
            reader.Append(Stream.AsSpan(offset, length));
            offset += length;
            audio.AddRange(AudioOf(reader));
        }

        Assert.Equal(Packets, audio);
        Assert.Equal(0, reader.BufferedBytes);
    }

    [Fact]
    public void Several_pages_in_one_chunk_are_all_read()
    {
        var audio = OggTestStreams.ReadAudio(Stream, out var reader);

        Assert.Equal(Packets, audio);
        Assert.Equal(OggReadStatus.NeedMoreData, reader.TryReadPacket(out _));
    }

    [Fact]
    public void Steady_state_reading_allocates_nothing()
    {
        var small = OggTestStreams.Write(Enumerable.Range(0, 50).Select(i => OggTestStreams.Packet(280, i)));
        var headerEnd = OggPageDump.Parse(small)[2].Offset;
        var reader = new OggOpusReader();
        reader.Append(small);
        OggTestStreams.Drain(reader);
        var audioPages = small[headerEnd..];

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 20; round++)
        {
            reader.Append(audioPages.AsSpan(0, 1000));
            reader.Append(audioPages.AsSpan(1000));
            while (reader.TryReadPacket(out _) == OggReadStatus.Packet)
            {
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static List<byte[]> AudioOf(OggOpusReader reader) =>
        OggTestStreams.Drain(reader).Packets.Where(p => !p.Info.IsHeader).Select(p => p.Data).ToList();
}
