using Jarvis.Protocol.Opus;

namespace Jarvis.Protocol.Tests.Opus;

public sealed class OpusBadInputTests
{
    [Theory]
    [InlineData(16000, false)]
    [InlineData(24000, false)]
    [InlineData(48000, false)]
    [InlineData(16000, true)]
    [InlineData(24000, true)]
    public void Random_packets_decode_or_fail_with_InvalidDataException_only(int rate, bool native)
    {
        using var decoder = OpusRoundTrip.CreateDecoder(rate, native);
        var pcm = new short[OpusFrameDecoder.MaxSamplesPerPacket(rate)];
        var random = new Random(rate + (native ? 1 : 0));
        var failures = 0;
        for (var i = 0; i < 1000; i++)
        {
            var packet = new byte[random.Next(1, 400)];
            random.NextBytes(packet);
            try
            {
                var samples = decoder.Decode(packet, pcm);
                Assert.Equal(OpusPacket.GetSampleCount(packet, rate), samples);
            }
            catch (InvalidDataException)
            {
                failures++;
            }
        }

        Assert.InRange(failures, 1, 999);
    }

    [Fact]
    public void Empty_packet_is_invalid_data()
    {
        using var decoder = OpusFrameDecoder.Create(24000);

        Assert.Throws<InvalidDataException>(() => decoder.Decode([], new short[2880]));
    }

    [Fact]
    public void Too_small_output_buffer_is_refused()
    {
        using var decoder = OpusFrameDecoder.Create(24000);

        Assert.Throws<ArgumentException>(() => decoder.Decode([0x7B, 0x84], new short[960]));
    }

    [Fact]
    public void Frame_of_the_wrong_length_is_refused()
    {
        using var encoder = OpusFrameEncoder.Create(new OpusEncoderOptions { SampleRate = 16000 });

        Assert.Throws<ArgumentException>(() => encoder.Encode(new short[319], new byte[4000]));
    }

    [Fact]
    public void Invalid_options_list_every_problem()
    {
        var options = new OpusEncoderOptions { SampleRate = 44100, FrameMilliseconds = 25, Bitrate = 100, Complexity = 11, ExpectedPacketLossPercent = -1 };

        var error = Assert.Throws<ArgumentException>(() => OpusFrameEncoder.Create(options));

        Assert.Equal(5, options.Problems().Count);
        Assert.Contains("SampleRate must be 16000, 24000 or 48000", error.Message, StringComparison.Ordinal);
        Assert.Empty(new OpusEncoderOptions().Problems());
    }

    [Fact]
    public void Unsupported_decoder_rate_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OpusFrameDecoder.Create(44100));
    }
}
