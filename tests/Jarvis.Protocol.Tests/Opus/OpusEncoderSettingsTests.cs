using Jarvis.Protocol.Opus;

namespace Jarvis.Protocol.Tests.Opus;

public sealed class OpusEncoderSettingsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Dtx_turns_silence_into_tiny_packets(bool native)
    {
        using var encoder = OpusRoundTrip.CreateEncoder(new OpusEncoderOptions { Dtx = true }, native);

        var packets = OpusRoundTrip.Encode(encoder, new short[16000]);

        // After a short hangover only DTX frames remain, apart from a comfort-noise update every 400 ms.
        var tail = packets.Skip(15).ToList();
        Assert.True(tail.Count(p => p.Length <= 2) >= tail.Count * 0.85, string.Join(",", packets.Select(p => p.Length)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Lower_bitrate_gives_smaller_packets(bool native)
    {
        var source = SpeechLikeSignal.Generate(16000, 1);
        using var encoder = OpusRoundTrip.CreateEncoder(new OpusEncoderOptions { Bitrate = 40000 }, native);
        var high = OpusRoundTrip.Encode(encoder, source).Sum(p => p.Length);

        encoder.SetBitrate(8000);
        encoder.SetPacketLoss(10);
        var low = OpusRoundTrip.Encode(encoder, source).Sum(p => p.Length);

        Assert.True(low < high / 2, $"{low} vs {high} bytes");
        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.SetBitrate(100));
        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.SetPacketLoss(101));
    }

    [Theory]
    [InlineData(OpusApplicationKind.Audio, 0)]
    [InlineData(OpusApplicationKind.RestrictedLowDelay, 64000)]
    public void Other_applications_and_automatic_bitrate_encode(OpusApplicationKind application, int bitrate)
    {
        var source = SpeechLikeSignal.Generate(48000, 0.5);
        using var encoder = OpusFrameEncoder.Create(new OpusEncoderOptions { SampleRate = 48000, Application = application, Bitrate = bitrate });
        using var decoder = OpusFrameDecoder.Create(48000);

        var packets = OpusRoundTrip.Encode(encoder, source);
        var decoded = OpusRoundTrip.Decode(decoder, packets);

        Assert.Equal(source.Length, decoded.Length);
        if (application == OpusApplicationKind.RestrictedLowDelay)
        {
            Assert.All(packets, p => Assert.Equal(OpusMode.CeltOnly, OpusPacket.GetMode(p)));
        }
    }
}
