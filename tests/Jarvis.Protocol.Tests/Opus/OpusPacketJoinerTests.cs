using Concentus.Structs;
using Jarvis.Protocol.Opus;

namespace Jarvis.Protocol.Tests.Opus;

/// <summary>
/// The joiner against two oracles: libopus's repacketizer (through Concentus' port, byte for byte) and the decoder (a joined
/// packet decodes to exactly the samples of its frames).
/// </summary>
public sealed class OpusPacketJoinerTests
{
    public static TheoryData<int, int> Cases() => new()
    {
        { 1, 24000 },
        { 2, 24000 },
        { 3, 24000 },
        { 6, 24000 },
        { 3, 128000 }, // frames of 252 bytes and more: two-byte lengths
        { 2, 128000 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Joined_packets_are_what_libopus_repacketizer_writes(int frames, int bitrate)
    {
        var packets = Encode(frames * 4, bitrate);
        var joiner = new OpusPacketJoiner(frames);
        var joined = new byte[joiner.MaxPacketBytes];
        var expected = new byte[joiner.MaxPacketBytes];
        var repacketizer = new OpusRepacketizer();
        var sawLong = false;
        for (var start = 0; start + frames <= packets.Count; start += frames)
        {
            repacketizer.Reset();
            for (var i = start; i < start + frames; i++)
            {
                Assert.True(joiner.CanAdd(packets[i]));
                joiner.Add(packets[i]);
                Assert.Equal(0, repacketizer.AddPacket(packets[i], 0, packets[i].Length));
                sawLong |= packets[i].Length > 252;
            }

            var length = joiner.Join(joined);
            var expectedLength = repacketizer.CreatePacket(expected, 0, expected.Length);
            Assert.Equal(expected.AsSpan(0, expectedLength).ToArray(), joined.AsSpan(0, length).ToArray());
            Assert.Equal(0, joiner.Count);
            Assert.Equal(frames * 320, OpusPacket.GetSampleCount(joined.AsSpan(0, length), 16000));
        }

        Assert.Equal(bitrate > 100000, sawLong);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_joined_packet_decodes_to_the_samples_of_its_frames(bool native)
    {
        var packets = Encode(30, 24000);
        using var oneByOne = OpusRoundTrip.CreateDecoder(16000, native);
        using var joinedDecoder = OpusRoundTrip.CreateDecoder(16000, native);
        var joiner = new OpusPacketJoiner(3);
        var joined = new byte[joiner.MaxPacketBytes];
        var single = new short[OpusFrameDecoder.MaxSamplesPerPacket(16000)];
        var many = new short[OpusFrameDecoder.MaxSamplesPerPacket(16000)];
        for (var start = 0; start < packets.Count; start += 3)
        {
            var expected = new List<short>();
            for (var i = start; i < start + 3; i++)
            {
                joiner.Add(packets[i]);
                expected.AddRange(single.AsSpan(0, oneByOne.Decode(packets[i], single)).ToArray());
            }

            var decoded = joinedDecoder.Decode(joined.AsSpan(0, joiner.Join(joined)), many);
            Assert.Equal(960, decoded);
            Assert.Equal(expected, many.AsSpan(0, decoded).ToArray());
        }
    }

    [Fact]
    public void Only_single_frames_of_one_configuration_join_up_to_the_frame_count_and_120_ms()
    {
        var packets = Encode(2, 24000);
        var joiner = new OpusPacketJoiner(3);
        Assert.False(joiner.CanAdd([]));
        Assert.False(joiner.CanAdd([(byte)(packets[0][0] | 3), 2, 1, 1])); // already several frames
        Assert.Throws<ArgumentException>(() => joiner.Add([(byte)(packets[0][0] | 1), 1, 1]));
        joiner.Add(packets[0]);
        Assert.False(joiner.CanAdd([(byte)(packets[1][0] ^ 0x08), 1, 2])); // another frame size
        Assert.False(joiner.CanAdd([(byte)(packets[1][0] | 0x04), 1, 2])); // stereo
        joiner.Add(packets[1]);
        joiner.Add(packets[1]);
        Assert.False(joiner.CanAdd(packets[0])); // full

        var sixtyMs = (byte)((11 << 3) | 0); // SILK wideband, 60 ms
        var wide = new OpusPacketJoiner(3);
        wide.Add([sixtyMs, 1]);
        wide.Add([sixtyMs, 2]);
        Assert.False(wide.CanAdd([sixtyMs, 3])); // 180 ms: beyond what one packet may hold
        Assert.Throws<InvalidOperationException>(() => new OpusPacketJoiner(2).Join(new byte[10]));
    }

    [Fact]
    public void Adding_and_joining_allocate_nothing()
    {
        var packets = Encode(6, 24000);
        var joiner = new OpusPacketJoiner(3);
        var joined = new byte[joiner.MaxPacketBytes];
        JoinAll(joiner, packets, joined);

        var before = GC.GetAllocatedBytesForCurrentThread();
        JoinAll(joiner, packets, joined);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void JoinAll(OpusPacketJoiner joiner, List<byte[]> packets, byte[] joined)
    {
        foreach (var packet in packets)
        {
            joiner.Add(packet);
            if (joiner.Count == joiner.MaxFrames)
            {
                joiner.Join(joined);
            }
        }
    }

    /// <summary>20 ms packets of speech as a satellite encodes it (16 kHz, VOIP), native libopus.</summary>
    private static List<byte[]> Encode(int count, int bitrate)
    {
        using var encoder = OpusRoundTrip.CreateEncoder(new OpusEncoderOptions { SampleRate = 16000, Bitrate = bitrate }, native: true);
        return OpusRoundTrip.Encode(encoder, SpeechLikeSignal.Generate(16000, count * 0.02));
    }
}
