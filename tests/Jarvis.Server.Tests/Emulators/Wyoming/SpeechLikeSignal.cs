using System.Collections.Concurrent;

namespace Jarvis.Server.Tests.Emulators.Wyoming;

/// <summary>
/// Synthetic "speech": 65 ms of a voiced, formant-shaped tone (120 Hz harmonics) per letter, silence for spaces and
/// punctuation. The length is plausible for the text (≈ 15 characters per second). Rendering is a table lookup per
/// sample, so the emulator's own cost stays far below a millisecond per sentence.
/// </summary>
public static class SpeechLikeSignal
{
    public const double SecondsPerCharacter = 0.065;
    private const double Pitch = 120.0;

    private static readonly ConcurrentDictionary<int, (short[] Wave, double[] Envelope)> Tables = new();

    public static byte[] Render(string text, int sampleRate)
    {
        var (wave, envelope) = Tables.GetOrAdd(sampleRate, Build);
        var samplesPerChar = envelope.Length;
        var pcm = new byte[Math.Max(1, text.Length) * samplesPerChar * 2];
        var n = 0;
        foreach (var c in text.Length == 0 ? " " : text)
        {
            var voiced = char.IsLetterOrDigit(c);
            for (var i = 0; i < samplesPerChar; i++, n++)
            {
                var s = voiced ? (short)(wave[n % wave.Length] * envelope[i]) : (short)0;
                pcm[2 * n] = (byte)s;
                pcm[(2 * n) + 1] = (byte)(s >> 8);
            }
        }

        return pcm;
    }

    private static (short[] Wave, double[] Envelope) Build(int sampleRate)
    {
        // One second of the harmonic waveform repeats seamlessly (120 Hz divides a second exactly).
        var wave = new short[sampleRate];
        for (var n = 0; n < wave.Length; n++)
        {
            var t = (double)n / sampleRate;
            double sample = 0;
            for (var h = 1; h <= 8; h++)
            {
                var f = Pitch * h;
                var formant = Math.Exp(-Math.Pow((f - 700) / 300, 2)) + (0.6 * Math.Exp(-Math.Pow((f - 1200) / 400, 2))) + 0.2;
                sample += formant * Math.Sin(2 * Math.PI * f * t) / h;
            }

            wave[n] = (short)Math.Clamp(sample * 6000, short.MinValue, short.MaxValue);
        }

        var envelope = new double[(int)(sampleRate * SecondsPerCharacter)];
        for (var i = 0; i < envelope.Length; i++)
        {
            envelope[i] = Math.Sin(Math.PI * i / envelope.Length);
        }

        return (wave, envelope);
    }
}
