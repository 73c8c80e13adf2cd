namespace Jarvis.Bench.Satellite;

/// <summary>Voiced-speech-like test audio: a glottal pulse train through vowel formants, syllable-modulated, with pauses.</summary>
internal static class SpeechLikeSignal
{
    public static short[] Create(int sampleRate, int seconds)
    {
        var samples = new short[sampleRate * seconds];
        var random = new Random(3);
        double[] formants = [700, 1200, 2600];
        var state = new double[formants.Length * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            var t = (double)i / sampleRate;
            var pitch = 110 + (20 * Math.Sin(2 * Math.PI * 0.7 * t));
            var pulse = (t * pitch % 1.0) < 0.05 ? 1.0 : 0.0;
            var syllable = Math.Max(0, Math.Sin(2 * Math.PI * 3.5 * t));
            var talking = (t % 4.0) < 3.0 ? 1.0 : 0.0;
            double value = 0;
            for (var f = 0; f < formants.Length; f++)
            {
                var r = 0.97;
                var w = 2 * Math.PI * formants[f] / sampleRate;
                var y = pulse + (2 * r * Math.Cos(w) * state[2 * f]) - (r * r * state[(2 * f) + 1]);
                state[(2 * f) + 1] = state[2 * f];
                state[2 * f] = y;
                value += y / (f + 1);
            }

            var noise = (random.NextDouble() - 0.5) * 20;
            samples[i] = (short)Math.Clamp((value * 900 * syllable * talking) + noise, short.MinValue, short.MaxValue);
        }

        return samples;
    }
}
