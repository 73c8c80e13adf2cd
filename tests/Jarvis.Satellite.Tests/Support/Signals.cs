namespace Jarvis.Satellite.Tests.Support;

/// <summary>Synthetic test signals and measures.</summary>
internal static class Signals
{
    public static short[] Sine(double frequency, int sampleRate, int samples, double amplitude = 8000)
    {
        var result = new short[samples];
        for (var i = 0; i < samples; i++)
        {
            result[i] = (short)(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        return result;
    }

    public static double Rms(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty)
        {
            return 0;
        }

        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    public static double Db(double ratio) => 20 * Math.Log10(Math.Max(ratio, 1e-9));

    /// <summary>Largest normalised cross-correlation of <paramref name="needle"/> inside <paramref name="haystack"/>.</summary>
    public static double BestCorrelation(ReadOnlySpan<short> haystack, ReadOnlySpan<short> needle, int step = 1)
    {
        var best = 0.0;
        var needleEnergy = 0.0;
        foreach (var s in needle)
        {
            needleEnergy += (double)s * s;
        }

        for (var offset = 0; offset + needle.Length <= haystack.Length; offset += step)
        {
            double dot = 0, energy = 0;
            for (var i = 0; i < needle.Length; i++)
            {
                double h = haystack[offset + i];
                dot += h * needle[i];
                energy += h * h;
            }

            if (energy > 0 && needleEnergy > 0)
            {
                best = Math.Max(best, dot / Math.Sqrt(energy * needleEnergy));
            }
        }

        return best;
    }
}
