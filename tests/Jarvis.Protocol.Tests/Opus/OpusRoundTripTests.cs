using Jarvis.Protocol.Opus;

namespace Jarvis.Protocol.Tests.Opus;

public sealed class OpusRoundTripTests
{
    public static TheoryData<int, int, bool> RatesAndFrames()
    {
        var data = new TheoryData<int, int, bool>();
        foreach (var native in new[] { false, true })
        {
            foreach (var rate in new[] { 16000, 24000, 48000 })
            {
                foreach (var ms in new[] { 10, 20, 40, 60 })
                {
                    data.Add(rate, ms, native);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RatesAndFrames))]
    public void Speech_survives_an_encode_decode_round_trip(int rate, int frameMs, bool native)
    {
        var source = SpeechLikeSignal.Generate(rate, 1.2);
        using var encoder = OpusRoundTrip.CreateEncoder(new OpusEncoderOptions { SampleRate = rate, FrameMilliseconds = frameMs, Bitrate = 32000 }, native);
        using var decoder = OpusRoundTrip.CreateDecoder(rate, native);

        var packets = OpusRoundTrip.Encode(encoder, source);
        var decoded = OpusRoundTrip.Decode(decoder, packets);

        Assert.Equal(packets.Count * encoder.FrameSamples, decoded.Length);
        Assert.All(packets, p => Assert.Equal(encoder.FrameSamples, OpusPacket.GetSampleCount(p, rate)));
        var (correlation, _) = SignalMath.BestCorrelation(source, decoded, rate / 50, rate / 10);
        Assert.True(correlation > 0.9, $"correlation {correlation:F3}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_80ms_multi_frame_packet_decodes_like_its_four_frames(bool native)
    {
        var source = SpeechLikeSignal.Generate(24000, 0.4);
        using var encoder = OpusRoundTrip.CreateEncoder(new OpusEncoderOptions { SampleRate = 24000, Bitrate = 24000 }, native);
        var frames = OpusRoundTrip.Encode(encoder, source).Skip(4).Take(4).ToList();
        var combined = OpusRoundTrip.Combine(frames);
        using var separate = OpusRoundTrip.CreateDecoder(24000, native);
        using var together = OpusRoundTrip.CreateDecoder(24000, native);

        var expected = OpusRoundTrip.Decode(separate, frames);
        var actual = OpusRoundTrip.Decode(together, [combined]);

        Assert.Equal(1920, OpusPacket.GetSampleCount(combined, 24000));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Default_codec_is_native_libopus_when_libopus_dev_is_installed()
    {
        Assert.True(OpusCodecInfo.IsNative, OpusCodecInfo.Description);
        Assert.StartsWith("libopus", OpusCodecInfo.Version, StringComparison.Ordinal);
        using var encoder = OpusFrameEncoder.Create(new OpusEncoderOptions());
        using var decoder = OpusFrameDecoder.Create(16000);
        Assert.True(encoder.IsNative);
        Assert.True(decoder.IsNative);
        Assert.False(decoder.DecodesAt48kHz);
    }
}
