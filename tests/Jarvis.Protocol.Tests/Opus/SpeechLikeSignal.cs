namespace Jarvis.Protocol.Tests.Opus;

/// <summary>
/// A deterministic, speech-like test signal: a gliding glottal harmonic series shaped by moving formants,
/// a spectral tilt, a little high-frequency "air" and a 4 Hz syllable envelope. The same formula at any sample
/// rate, so a 24 kHz and a 16 kHz rendering of it are the same sound.
/// </summary>
internal static class SpeechLikeSignal
{
    public static short[] Generate(int sampleRate, double seconds, double maxFrequency = double.MaxValue)
    {
        var samples = new short[(int)(sampleRate * seconds)];
        var top = Math.Min(maxFrequency, (sampleRate / 2.0) - 300);
        var phase = 0.0;
        for (var n = 0; n < samples.Length; n++)
        {
            var t = n / (double)sampleRate;
            var f0 = 140 + (40 * Math.Sin(2 * Math.PI * 0.7 * t)) + (20 * Math.Sin(2 * Math.PI * 2.3 * t));
            phase += 2 * Math.PI * f0 / sampleRate;
            var f1 = 650 + (200 * Math.Sin(2 * Math.PI * 1.1 * t));
            var f2 = 1600 + (500 * Math.Sin(2 * Math.PI * 0.9 * t));
            var value = 0.0;
            for (var k = 1; k * f0 < top; k++)
            {
                var f = k * f0;
                var gain = Formant(f, f1, 120) + (0.6 * Formant(f, f2, 180)) + (0.3 * Formant(f, 2800, 250)) + (0.05 * Formant(f, 9000, 2500));
                value += gain / Math.Sqrt(k) * Math.Sin(k * phase);
            }

            var syllable = 0.25 + (0.75 * Math.Max(0, Math.Sin(2 * Math.PI * 4 * t)));
            samples[n] = (short)Math.Clamp(value * syllable * 3000, short.MinValue, short.MaxValue);
        }

        return samples;
    }

    private static double Formant(double f, double center, double width)
    {
        var x = (f - center) / width;
        return 1 / (1 + (x * x));
    }
}
