using Jarvis.Satellite.Aec;
using Jarvis.Satellite.Tests.Aec.Benchmark;

namespace Jarvis.Satellite.Tests.Aec;

public sealed class EchoDelayEstimatorTests
{
    [Theory]
    [InlineData(40)]
    [InlineData(300)]
    public void The_echo_delay_is_found_from_the_envelopes(int delayMs)
    {
        var s = EchoCases.Linear(delayMs);
        var estimator = new EchoDelayEstimator(20);
        for (var offset = 0; offset + 320 <= EchoCase.At(7); offset += 320)
        {
            estimator.Add(s.Far.AsSpan(offset, 320), s.Mic.AsSpan(offset, 320));
        }

        Assert.True(estimator.TryEstimate(out var delay, out var correlation), $"correlation {correlation:0.00}");
        Assert.InRange(delay, delayMs - 20, delayMs + 40);
    }

    [Fact]
    public void Silence_on_the_speaker_gives_no_estimate()
    {
        var estimator = new EchoDelayEstimator(20);
        var random = new Random(5);
        var noise = Enumerable.Range(0, 320).Select(_ => (short)random.Next(-50, 50)).ToArray();
        for (var i = 0; i < 300; i++)
        {
            estimator.Add(new short[320], noise);
        }

        Assert.False(estimator.TryEstimate(out _, out _));
    }
}
