using Jarvis.Satellite.Tests.Support;

namespace Jarvis.Satellite.Tests.Aec;

/// <summary>
/// 20 s at 16 kHz: far-end speech played 0–13 s; its echo (delayed 20–60 ms, −10 dB, reverberated) in the
/// microphone; the near-end talker (another voice) at 7 s (double talk) and 14 s (near end alone); faint noise.
/// </summary>
internal sealed class EchoScenario
{
    public const int Rate = 16000;
    public const int Frame = 320;

    private EchoScenario(short[] far, short[] near, short[] mic, int nearLength)
    {
        Far = far;
        Near = near;
        Mic = mic;
        NearLength = nearLength;
    }

    public short[] Far { get; }

    public short[] Near { get; }

    public short[] Mic { get; }

    public int NearLength { get; }

    public static int At(double seconds) => (int)(seconds * Rate);

    public static EchoScenario Create(double echoDelaySeconds)
    {
        var dir = Directory.CreateTempSubdirectory("jarvis-echo-").FullName;
        try
        {
            var farSpeech = SpeechFiles.Speak(dir, "far", SpeechFiles.FarText);
            var nearSpeech = SpeechFiles.Speak(dir, "near", SpeechFiles.NearText, "en+f3", pitch: 70, speed: 140);
            var echo = SpeechFiles.Sox(dir, Path.Combine(dir, "far16k.wav"), "echo", "pad", echoDelaySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "0", "vol", "0.3", "reverb", "40", "50", "40");
            var total = At(20);
            var far = new short[total];
            var near = new short[total];
            var mic = new double[total];
            farSpeech.AsSpan(0, Math.Min(farSpeech.Length, At(13))).CopyTo(far);
            Add(mic, echo.AsSpan(0, Math.Min(echo.Length, At(13.2))), 0);
            foreach (var start in new[] { At(7), At(14) })
            {
                nearSpeech.AsSpan(0, Math.Min(nearSpeech.Length, At(5.5))).CopyTo(near.AsSpan(start));
            }

            Add(mic, near, 0);
            var random = new Random(7);
            var result = new short[total];
            for (var i = 0; i < total; i++)
            {
                var noise = (random.NextDouble() - 0.5) * 30;
                result[i] = (short)Math.Clamp(mic[i] + noise, short.MinValue, short.MaxValue);
            }

            return new EchoScenario(far, near, result, Math.Min(nearSpeech.Length, At(5.5)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void Add(double[] target, ReadOnlySpan<short> source, int offset)
    {
        for (var i = 0; i < source.Length && offset + i < target.Length; i++)
        {
            target[offset + i] += source[i];
        }
    }
}
