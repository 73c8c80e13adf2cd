using Concentus;
using Jarvis.Protocol.Opus;

namespace Jarvis.Protocol.Tests.Opus;

/// <summary>
/// Concentus' managed decoder returns silence for hybrid packets below 48 kHz (lostromb/concentus#67): 24 kHz speech at
/// about 24 kbit/s, which is what PersonaPlex sends, is all hybrid. Our decoder must still produce the speech.
/// </summary>
public sealed class HybridDefectTests
{
    private static readonly short[] Source24k = SpeechLikeSignal.Generate(24000, 2.0);
    private static readonly short[] Source16k = SpeechLikeSignal.Generate(16000, 2.0, maxFrequency: 6000);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Hybrid_24kHz_speech_decodes_at_24kHz_with_the_managed_codec(bool nativeEncoder)
    {
        var packets = EncodeHybrid(nativeEncoder);
        using var decoder = OpusRoundTrip.CreateDecoder(24000, native: false);

        var decoded = OpusRoundTrip.Decode(decoder, packets);

        Assert.True(decoder.DecodesAt48kHz);
        AssertResembles(Source24k, decoded, 24000);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Hybrid_24kHz_speech_decodes_at_16kHz_with_the_managed_codec(bool nativeEncoder)
    {
        var packets = EncodeHybrid(nativeEncoder);
        using var decoder = OpusRoundTrip.CreateDecoder(16000, native: false);

        var decoded = OpusRoundTrip.Decode(decoder, packets);

        AssertResembles(Source16k, decoded, 16000);
    }

    [Fact]
    public void Raw_managed_decoder_at_16kHz_is_silent_on_hybrid_packets_which_is_the_defect_we_work_around()
    {
        var packets = EncodeHybrid(nativeEncoder: true);
#pragma warning disable CS0618 // the raw managed decoder is exactly what this test looks at
        using IOpusDecoder raw = new Concentus.Structs.OpusDecoder(16000, 1);
#pragma warning restore CS0618
        var pcm = new short[1920];
        var decoded = new List<short>();
        foreach (var packet in packets)
        {
            var samples = raw.Decode(packet, pcm, pcm.Length, false);
            decoded.AddRange(pcm[..samples]);
        }

        Assert.True(SignalMath.Rms(decoded.ToArray()) < 0.05 * SignalMath.Rms(Source16k), "Concentus fixed issue #67: the 48 kHz workaround may be dropped");
    }

    private static List<byte[]> EncodeHybrid(bool nativeEncoder)
    {
        using var encoder = OpusRoundTrip.CreateEncoder(new OpusEncoderOptions { SampleRate = 24000, Bitrate = 24000 }, nativeEncoder);
        var packets = OpusRoundTrip.Encode(encoder, Source24k);
        var hybrid = packets.Count(p => OpusPacket.GetMode(p) == OpusMode.Hybrid);
        Assert.True(hybrid > packets.Count * 0.9, $"only {hybrid} of {packets.Count} packets are hybrid");
        return packets;
    }

    private static void AssertResembles(short[] source, short[] decoded, int rate)
    {
        var skip = rate / 5;
        Assert.True(SignalMath.Rms(decoded.AsSpan(skip)) > 0.3 * SignalMath.Rms(source.AsSpan(skip)), "decoded audio is (nearly) silent");
        var (correlation, lag) = SignalMath.BestCorrelation(source, decoded, rate / 50, skip);
        Assert.True(correlation > 0.85, $"correlation {correlation:F3} at lag {lag}");
    }
}
