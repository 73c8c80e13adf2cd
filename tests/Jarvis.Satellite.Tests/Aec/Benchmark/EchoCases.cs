using System.Globalization;
using Jarvis.Satellite.Tests.Support;

namespace Jarvis.Satellite.Tests.Aec.Benchmark;

/// <summary>
/// The echo benchmark's hard cases, made from espeak-ng speech with sox: linear echo (delayed, −10.5 dB, a small
/// room's reverb) at several delays, a long reverberant tail, a soft-clipping cheap speaker, and an echo path that
/// changes at 5 s. Signals are made once per process.
/// </summary>
public static class EchoCases
{
    private static readonly Lazy<(short[] Far, short[] Near)> Speech = new(MakeSpeech);
    private static readonly Dictionary<string, EchoCase> Made = [];

    /// <summary>Far end played through a linear path delayed <paramref name="delayMs"/> ms.</summary>
    public static EchoCase Linear(int delayMs) =>
        Get($"linear {delayMs} ms", far => Path(far, delayMs, 0.3, "40 50 40"));

    /// <summary>A large, live room: 60 ms delay and a reverb tail of several hundred ms.</summary>
    public static EchoCase LongTail() =>
        Get("long tail", far => Path(far, 60, 0.3, "90 50 100 100 40"));

    /// <summary>A cheap speaker driven into soft clipping (y = tanh(3x)/tanh(3) of the normalised far end), 40 ms.</summary>
    public static EchoCase SoftClipped() =>
        Get("soft-clipped speaker", far => Path(SoftClip(far, 3), 40, 0.3, "40 50 40"));

    /// <summary>40 ms, −10.5 dB until 5 s; then the speaker is moved: 90 ms, −7 dB, another room response.</summary>
    public static EchoCase PathChange() =>
        Get("echo path change", far =>
        {
            var before = Path(far, 40, 0.3, "40 50 40");
            var after = Path(far, 90, 0.45, "60 30 70");
            var echo = new short[before.Length];
            before.AsSpan(0, EchoCase.At(5)).CopyTo(echo);
            after.AsSpan(EchoCase.At(5), Math.Min(after.Length, echo.Length) - EchoCase.At(5)).CopyTo(echo.AsSpan(EchoCase.At(5)));
            return echo;
        }, pathChange: 5);

    public static IReadOnlyList<EchoCase> All() =>
        [Linear(20), Linear(60), Linear(120), LongTail(), SoftClipped(), PathChange()];

    private static EchoCase Get(string name, Func<short[], short[]> echoPath, double? pathChange = null)
    {
        lock (Made)
        {
            if (!Made.TryGetValue(name, out var made))
            {
                Made[name] = made = Compose(name, echoPath, pathChange);
            }

            return made;
        }
    }

    private static EchoCase Compose(string name, Func<short[], short[]> echoPath, double? pathChange)
    {
        var (farSpeech, nearSpeech) = Speech.Value;
        var total = EchoCase.At(20);
        var far = new short[total];
        farSpeech.AsSpan(0, Math.Min(farSpeech.Length, EchoCase.At(13))).CopyTo(far);
        var echo = new short[total];
        var path = echoPath(far);
        path.AsSpan(0, Math.Min(path.Length, total)).CopyTo(echo);
        var nearLength = Math.Min(nearSpeech.Length, EchoCase.At(5.5));
        var near = new short[total];
        nearSpeech.AsSpan(0, nearLength).CopyTo(near.AsSpan(EchoCase.At(7)));
        nearSpeech.AsSpan(0, nearLength).CopyTo(near.AsSpan(EchoCase.At(14)));
        var random = new Random(7);
        var mic = new short[total];
        for (var i = 0; i < total; i++)
        {
            var noise = (random.NextDouble() - 0.5) * 30;
            mic[i] = (short)Math.Clamp(echo[i] + near[i] + noise, short.MinValue, short.MaxValue);
        }

        return new EchoCase(name, far, echo, near, mic, nearLength, pathChange);
    }

    /// <summary>sox: delay, gain, then reverb (reverberance, HF damping, room scale[, stereo depth, pre-delay]).</summary>
    private static short[] Path(short[] far, int delayMs, double gain, string reverb)
    {
        var dir = Directory.CreateTempSubdirectory("jarvis-echo-path-").FullName;
        try
        {
            var input = SpeechFiles.WriteWav(dir, "far", far);
            return SpeechFiles.Sox(dir, input, "echo",
            [
                "pad", (delayMs / 1000.0).ToString(CultureInfo.InvariantCulture), "0",
                "vol", gain.ToString(CultureInfo.InvariantCulture), "reverb", .. reverb.Split(' '),
            ]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static short[] SoftClip(short[] far, double drive)
    {
        var peak = far.Max(s => Math.Abs((int)s));
        var result = new short[far.Length];
        for (var i = 0; i < far.Length; i++)
        {
            result[i] = (short)(peak * Math.Tanh(drive * far[i] / peak) / Math.Tanh(drive));
        }

        return result;
    }

    private static (short[] Far, short[] Near) MakeSpeech()
    {
        var dir = Directory.CreateTempSubdirectory("jarvis-echo-speech-").FullName;
        try
        {
            return (SpeechFiles.Speak(dir, "far", SpeechFiles.FarText),
                SpeechFiles.Speak(dir, "near", SpeechFiles.NearText, "en+f3", pitch: 70, speed: 140));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
