using System.Buffers;
using Jarvis.Protocol.Link;

namespace Jarvis.Protocol.Tests.Link;

public sealed class AudioFrameCodecTests
{
    [Fact]
    public void Header_layout_is_version_direction_codec_sequence_and_48_bit_timestamp_little_endian()
    {
        var header = new LinkAudioHeader(StreamDirection.Downlink, LinkCodec.Opus, 0x04030201, 0x0000_0A09_0807_0605);
        var frame = new byte[15];

        var length = AudioFrameCodec.Write(header, [0xAA, 0xBB, 0xCC], frame);

        Assert.Equal(15, length);
        Assert.Equal(new byte[] { 0x11, 0x01, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0xAA, 0xBB, 0xCC }, frame);
    }

    [Theory]
    [InlineData(StreamDirection.Uplink, LinkCodec.Opus, 0u, 0L)]
    [InlineData(StreamDirection.Downlink, LinkCodec.Pcm16, uint.MaxValue, LinkAudioHeader.MaxTimestampUs)]
    [InlineData(StreamDirection.Uplink, LinkCodec.Opus, 12345u, 3_600_000_000L)]
    public void Frames_round_trip(StreamDirection direction, LinkCodec codec, uint sequence, long timestamp)
    {
        var header = new LinkAudioHeader(direction, codec, sequence, timestamp);
        byte[] payload = [1, 2, 3, 4];
        var writer = new ArrayBufferWriter<byte>();

        AudioFrameCodec.Write(header, payload, writer);
        var status = AudioFrameCodec.TryRead(writer.WrittenSpan, out var read, out var readPayload);

        Assert.Equal(AudioFrameStatus.Ok, status);
        Assert.Equal(header, read);
        Assert.Equal(payload, readPayload.ToArray());
    }

    [Fact]
    public void Timestamps_wrap_modulo_2_to_the_48()
    {
        var frame = new byte[13];
        AudioFrameCodec.Write(new LinkAudioHeader(StreamDirection.Uplink, LinkCodec.Opus, 1, (1L << 48) + 7), [9], frame);

        AudioFrameCodec.TryRead(frame, out var header, out _);

        Assert.Equal(7, header.TimestampUs);
    }

    [Theory]
    [InlineData(new byte[] { 0x10, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, AudioFrameStatus.TooShort)]
    [InlineData(new byte[] { 0x20, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, AudioFrameStatus.UnsupportedVersion)]
    [InlineData(new byte[] { 0x12, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, AudioFrameStatus.UnknownDirection)]
    [InlineData(new byte[] { 0x10, 0x07, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, AudioFrameStatus.UnknownCodec)]
    [InlineData(new byte[] { 0x10, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, AudioFrameStatus.EmptyPayload)]
    [InlineData(new byte[] { 0x10, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3 }, AudioFrameStatus.OddPcmLength)]
    public void Bad_frames_are_classified(byte[] frame, AudioFrameStatus expected)
    {
        Assert.Equal(expected, AudioFrameCodec.TryRead(frame, out _, out _));
    }

    [Fact]
    public void A_frame_over_64_KiB_is_too_large()
    {
        var frame = new byte[LinkProtocol.MaxFrameBytes + 1];
        frame[0] = 0x10;
        frame[1] = 0x01;

        Assert.Equal(AudioFrameStatus.TooLarge, AudioFrameCodec.TryRead(frame, out _, out _));
    }

    [Fact]
    public void Writing_an_empty_or_oversized_payload_or_into_a_short_buffer_is_an_argument_error()
    {
        var header = new LinkAudioHeader(StreamDirection.Uplink, LinkCodec.Opus, 0, 0);

        Assert.Throws<ArgumentException>(() => AudioFrameCodec.Write(header, [], new byte[64]));
        Assert.Throws<ArgumentException>(() => AudioFrameCodec.Write(header, new byte[LinkProtocol.MaxAudioPayloadBytes + 1], new byte[70_000]));
        Assert.Throws<ArgumentException>(() => AudioFrameCodec.Write(header, [1, 2], new byte[13]));
    }

    [Fact]
    public void Reading_and_writing_audio_frames_allocates_nothing()
    {
        var reader = new LinkMessageReader(LinkPeer.Server);
        var frame = new byte[AudioFrameCodec.FrameLength(80)];
        var payload = new byte[80];
        long checksum = 0;
        RoundTrip(reader, frame, payload, 0, ref checksum); // warm up (JIT, statics)

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (uint i = 0; i < 10_000; i++)
        {
            RoundTrip(reader, frame, payload, i, ref checksum);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.NotEqual(0, checksum);
    }

    private static void RoundTrip(LinkMessageReader reader, byte[] frame, byte[] payload, uint sequence, ref long checksum)
    {
        payload[0] = (byte)sequence;
        AudioFrameCodec.Write(new LinkAudioHeader(StreamDirection.Uplink, LinkCodec.Opus, sequence, sequence * 20_000L), payload, frame);
        var result = reader.Read(LinkFrameType.Binary, frame);
        checksum += result.Audio.Sequence + result.Payload[0] + (long)result.Kind + 1;
    }
}
