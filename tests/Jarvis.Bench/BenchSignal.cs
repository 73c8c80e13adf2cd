namespace Jarvis.Bench;

/// <summary>Deterministic speech-like audio (gliding harmonics, formants, syllable envelope) for codec benchmarks.</summary>
internal static class BenchSignal
{
    public static short[] SpeechLike(int sampleRate, int length)
    {
        var samples = new short[length];
        var phase = 0.0;
        for (var n = 0; n < length; n++)
        {
            var t = n / (double)sampleRate;
            var f0 = 140 + (40 * Math.Sin(2 * Math.PI * 0.7 * t));
            phase += 2 * Math.PI * f0 / sampleRate;
            var value = 0.0;
            for (var k = 1; k * f0 < sampleRate / 2.0 - 300; k++)
            {
                var formant = 1 / (1 + Math.Pow((k * f0 - 700) / 150, 2)) + (0.5 / (1 + Math.Pow((k * f0 - 1800) / 200, 2)));
                value += formant / Math.Sqrt(k) * Math.Sin(k * phase);
            }

            var syllable = 0.25 + (0.75 * Math.Max(0, Math.Sin(2 * Math.PI * 4 * t)));
            samples[n] = (short)Math.Clamp(value * syllable * 3000, short.MinValue, short.MaxValue);
        }

        return samples;
    }
}
