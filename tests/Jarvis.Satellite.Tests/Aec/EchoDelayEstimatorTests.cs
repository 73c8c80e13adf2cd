using Jarvis.Satellite.Aec;

namespace Jarvis.Satellite.Tests.Aec;

public sealed class EchoDelayEstimatorTests
{
    [Theory]
    [InlineData(0.04)]
    [InlineData(0.3)]
    public void The_echo_delay_is_found_from_the_envelopes(double delaySeconds)
    {
        var s = EchoScenario.Create(delaySeconds);
        var estimator = new EchoDelayEstimator(20);
        for (var offset = 0; offset + 320 <= EchoScenario.At(7); offset += 320)
        {
            estimator.Add(s.Far.AsSpan(offset, 320), s.Mic.AsSpan(offset, 320));
        }

        Assert.True(estimator.TryEstimate(out var delay, out var correlation), $"correlation {correlation:0.00}");
        Assert.InRange(delay, (delaySeconds * 1000) - 20, (delaySeconds * 1000) + 40);
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
