using Jarvis.Protocol.Opus;

namespace Jarvis.Protocol.Tests.Opus;

public sealed class OpusPacketTests
{
    [Theory]
    [InlineData(new byte[] { 0x08 }, 16000, 320, OpusMode.SilkOnly)] // config 1: SILK NB 20 ms, one frame
    [InlineData(new byte[] { 0x18 }, 16000, 960, OpusMode.SilkOnly)] // config 3: SILK NB 60 ms
    [InlineData(new byte[] { 0x79 }, 24000, 960, OpusMode.Hybrid)] // config 15: hybrid FB 20 ms, two frames
    [InlineData(new byte[] { 0x7B, 0x84 }, 24000, 1920, OpusMode.Hybrid)] // code 3, four 20 ms frames: PersonaPlex' 80 ms
    [InlineData(new byte[] { 0x7B, 0x06 }, 48000, 5760, OpusMode.Hybrid)] // six 20 ms frames: 120 ms
    [InlineData(new byte[] { 0x80 }, 48000, 120, OpusMode.CeltOnly)] // config 16: CELT NB 2.5 ms
    [InlineData(new byte[] { 0x83, 0x30 }, 48000, 5760, OpusMode.CeltOnly)] // 48 frames of 2.5 ms
    public void Sample_count_is_frames_times_frame_size(byte[] packet, int rate, int samples, OpusMode mode)
    {
        Assert.Equal(samples, OpusPacket.GetSampleCount(packet, rate));
        Assert.Equal(mode, OpusPacket.GetMode(packet));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x7B })] // code 3 without its frame count
    [InlineData(new byte[] { 0x7B, 0x00 })] // zero frames
    [InlineData(new byte[] { 0x7B, 0x07 })] // 140 ms
    public void Malformed_or_too_long_packet_is_rejected(byte[] packet)
    {
        Assert.False(OpusPacket.TryGetSampleCount(packet, 48000, out _));
        Assert.Throws<InvalidDataException>(() => OpusPacket.GetSampleCount(packet, 48000));
    }
}
