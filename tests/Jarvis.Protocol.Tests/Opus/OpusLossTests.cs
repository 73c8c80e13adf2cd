using Jarvis.Protocol.Opus;

namespace Jarvis.Protocol.Tests.Opus;

public sealed class OpusLossTests
{
    public static TheoryData<int, bool> Cases() => new() { { 16000, false }, { 16000, true }, { 24000, false }, { 24000, true } };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lost_packet_is_concealed_and_decoding_goes_on(int rate, bool native)
    {
        var source = SpeechLikeSignal.Generate(rate, 0.6);
        using var encoder = OpusRoundTrip.CreateEncoder(new OpusEncoderOptions { SampleRate = rate }, native);
        using var decoder = OpusRoundTrip.CreateDecoder(rate, native);
        var packets = OpusRoundTrip.Encode(encoder, source);
        var pcm = new short[OpusFrameDecoder.MaxSamplesPerPacket(rate)];
        OpusRoundTrip.Decode(decoder, packets.Take(10));

        var concealed = decoder.DecodeLost(pcm, encoder.FrameSamples);

        Assert.Equal(encoder.FrameSamples, concealed);
        Assert.True(SignalMath.Rms(pcm.AsSpan(0, concealed)) > 0, "concealment produced digital silence after speech");
        Assert.Equal(encoder.FrameSamples, decoder.Decode(packets[11], pcm));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lost_packet_is_recovered_from_the_FEC_data_of_the_next_one(int rate, bool native)
    {
        var source = SpeechLikeSignal.Generate(rate, 0.6);
        var options = new OpusEncoderOptions { SampleRate = rate, InbandFec = true, ExpectedPacketLossPercent = 20, Bitrate = 20000 };
        using var encoder = OpusRoundTrip.CreateEncoder(options, native);
        using var decoder = OpusRoundTrip.CreateDecoder(rate, native);
        var packets = OpusRoundTrip.Encode(encoder, source);
        var pcm = new short[OpusFrameDecoder.MaxSamplesPerPacket(rate)];
        OpusRoundTrip.Decode(decoder, packets.Take(20));

        var recovered = decoder.DecodeFec(packets[21], pcm, encoder.FrameSamples);

        Assert.Equal(encoder.FrameSamples, recovered);
        Assert.True(SignalMath.Rms(pcm.AsSpan(0, recovered)) > 0.2 * SignalMath.Rms(source), "FEC recovered (nearly) nothing");
        Assert.Equal(encoder.FrameSamples, decoder.Decode(packets[21], pcm));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(3000)]
    public void Concealment_of_an_invalid_duration_is_refused(int samples)
    {
        using var decoder = OpusFrameDecoder.Create(16000);

        Assert.Throws<ArgumentOutOfRangeException>(() => decoder.DecodeLost(new short[4000], samples));
    }
}
