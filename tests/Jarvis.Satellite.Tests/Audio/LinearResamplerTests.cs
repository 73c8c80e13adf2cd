using Jarvis.Satellite.Audio;
using Jarvis.Satellite.Tests.Support;

namespace Jarvis.Satellite.Tests.Audio;

public sealed class LinearResamplerTests
{
    [Theory]
    [InlineData(48000, 16000)]
    [InlineData(16000, 24000)]
    [InlineData(44100, 16000)]
    [InlineData(16000, 48000)]
    public void A_tone_keeps_its_shape_across_frames(int from, int to)
    {
        var resampler = new LinearResampler(from, to);
        var input = Signals.Sine(300, from, from);
        var output = new List<short>();
        var buffer = new short[resampler.MaxOutput(from / 50)];
        for (var offset = 0; offset < input.Length; offset += from / 50)
        {
            var n = resampler.Process(input.AsSpan(offset, from / 50), buffer);
            output.AddRange(buffer.AsSpan(0, n).ToArray());
        }

        Assert.InRange(output.Count, to - 2, to + 2);
        var expected = Signals.Sine(300, to, to);
        Assert.True(Signals.BestCorrelation(output.ToArray().AsSpan(100, to / 2), expected.AsSpan(0, to / 10)) > 0.98);
    }
}
