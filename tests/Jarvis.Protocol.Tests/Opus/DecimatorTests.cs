using Jarvis.Protocol.Opus;

namespace Jarvis.Protocol.Tests.Opus;

public sealed class DecimatorTests
{
    [Theory]
    [InlineData(2, 3000)]
    [InlineData(2, 9000)]
    [InlineData(3, 1000)]
    [InlineData(3, 5500)]
    public void Pass_band_tone_keeps_its_level(int factor, double frequency)
    {
        var (inputRms, outputRms) = Run(factor, frequency);

        Assert.InRange(outputRms / inputRms, 0.95, 1.05);
    }

    [Theory]
    [InlineData(2, 13000)]
    [InlineData(2, 20000)]
    [InlineData(3, 8500)]
    [InlineData(3, 15000)]
    public void Stop_band_tone_is_removed_instead_of_aliased(int factor, double frequency)
    {
        var (inputRms, outputRms) = Run(factor, frequency);

        Assert.True(outputRms < inputRms * 0.01, $"attenuation only {20 * Math.Log10(outputRms / inputRms):F1} dB");
    }

    private static (double Input, double Output) Run(int factor, double frequency)
    {
        var decimator = new Decimator(factor, 960);
        var input = new short[960];
        var output = new List<short>();
        var chunk = new short[960 / factor];
        for (var block = 0; block < 20; block++)
        {
            for (var i = 0; i < input.Length; i++)
            {
                input[i] = (short)(10000 * Math.Sin(2 * Math.PI * frequency * ((block * 960) + i) / 48000));
            }

            output.AddRange(chunk[..decimator.Process(input, chunk)]);
        }

        return (10000 / Math.Sqrt(2), SignalMath.Rms(output.Skip(200).ToArray()));
    }
}
