namespace Jarvis.Server.Tests.Emulators.Wyoming;

/// <summary>
/// Synthetic "speech": 65 ms of a voiced, formant-shaped tone (120 Hz harmonics) per letter, short pauses between words,
/// a longer pause after punctuation. The length is plausible for the text (≈ 14 characters per second).
/// </summary>
public static class SpeechLikeSignal
{
    public const double SecondsPerCharacter = 0.065;

    public static byte[] Render(string text, int sampleRate)
    {
        var samplesPerChar = (int)(sampleRate * SecondsPerCharacter);
        var pcm = new byte[Math.Max(1, text.Length) * samplesPerChar * 2];
        var n = 0;
        foreach (var c in text.Length == 0 ? " " : text)
        {
            var voiced = char.IsLetterOrDigit(c);
            for (var i = 0; i < samplesPerChar; i++, n++)
            {
                double sample = 0;
                if (voiced)
                {
                    var t = (double)n / sampleRate;
                    var envelope = Math.Sin(Math.PI * i / samplesPerChar);
                    for (var h = 1; h <= 8; h++)
                    {
                        var f = 120.0 * h;
                        var formant = Math.Exp(-Math.Pow((f - 700) / 300, 2)) + 0.6 * Math.Exp(-Math.Pow((f - 1200) / 400, 2)) + 0.2;
                        sample += formant * Math.Sin(2 * Math.PI * f * t) / h;
                    }

                    sample *= 6000 * envelope;
                }

                var s = (short)Math.Clamp(sample, short.MinValue, short.MaxValue);
                pcm[2 * n] = (byte)s;
                pcm[(2 * n) + 1] = (byte)(s >> 8);
            }
        }

        return pcm;
    }
}
