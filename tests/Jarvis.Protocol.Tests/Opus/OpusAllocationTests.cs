using Jarvis.Protocol.Opus;

namespace Jarvis.Protocol.Tests.Opus;

/// <summary>
/// Our wrappers allocate nothing per frame. Only the native codec is checked: Concentus' managed codec allocates
/// internally on every call (tens of kB per frame, see the Opus benchmarks), which no wrapper can avoid.
/// </summary>
public sealed class OpusAllocationTests
{
    [Theory]
    [InlineData(16000)]
    [InlineData(24000)]
    public void Steady_state_native_encode_and_decode_allocate_nothing(int rate)
    {
        var source = SpeechLikeSignal.Generate(rate, 0.5);
        using var encoder = OpusRoundTrip.CreateEncoder(new OpusEncoderOptions { SampleRate = rate }, native: true);
        using var decoder = OpusRoundTrip.CreateDecoder(rate, native: true);
        var packet = new byte[OpusFrameEncoder.MaxPacketSize];
        var pcm = new short[OpusFrameDecoder.MaxSamplesPerPacket(rate)];
        RoundTrip(encoder, decoder, source, packet, pcm);
        decoder.DecodeLost(pcm, encoder.FrameSamples);

        var before = GC.GetAllocatedBytesForCurrentThread();
        RoundTrip(encoder, decoder, source, packet, pcm);
        decoder.DecodeLost(pcm, encoder.FrameSamples);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Downsampling_of_the_managed_48kHz_path_allocates_nothing()
    {
        var decimator = new Decimator(3, 5760);
        var input = SpeechLikeSignal.Generate(48000, 0.12);
        var output = new short[1920];
        decimator.Process(input, output);

        var before = GC.GetAllocatedBytesForCurrentThread();
        decimator.Process(input, output);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void RoundTrip(OpusFrameEncoder encoder, OpusFrameDecoder decoder, short[] source, byte[] packet, short[] pcm)
    {
        for (var offset = 0; offset + encoder.FrameSamples <= source.Length; offset += encoder.FrameSamples)
        {
            var length = encoder.Encode(source.AsSpan(offset, encoder.FrameSamples), packet);
            decoder.Decode(packet.AsSpan(0, length), pcm);
        }
    }
}
