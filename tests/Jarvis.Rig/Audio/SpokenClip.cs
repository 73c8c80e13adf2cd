using System.Collections.Concurrent;
using System.Diagnostics;

namespace Jarvis.Rig.Audio;

/// <summary>Speech for the microphones: espeak-ng, resampled by sox to 16 kHz mono S16, set to a level.</summary>
public static class SpokenClip
{
    private static readonly ConcurrentDictionary<string, short[]> Spoken = new();

    /// <summary><paramref name="text"/> spoken, its speech (10 ms windows above −50 dBFS) at <paramref name="levelDbfs"/> RMS.</summary>
    public static short[] Say(string text, double levelDbfs)
    {
        var raw = Spoken.GetOrAdd(text, Synthesize);
        var gain = Math.Pow(10, (levelDbfs - Energy.SpeechLevelDbfs(raw)) / 20);
        var clip = new short[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            clip[i] = (short)Math.Clamp(Math.Round(raw[i] * gain), short.MinValue, short.MaxValue);
        }

        return clip;
    }

    private static short[] Synthesize(string text)
    {
        var file = Path.Combine(Path.GetTempPath(), $"jarvis-rig-speech-{Guid.NewGuid():N}.raw");
        try
        {
            var info = new ProcessStartInfo("bash", ["-c", "espeak-ng --stdout \"$0\" | sox -t wav - -r 16000 -b 16 -c 1 -e signed-integer -t raw \"$1\"", text, file])
            {
                UseShellExecute = false,
                RedirectStandardError = true,
            };
            using var process = Process.Start(info) ?? throw new InvalidOperationException("bash did not start");
            var errors = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(30_000) || process.ExitCode != 0 || !File.Exists(file))
            {
                throw new InvalidOperationException($"espeak-ng | sox failed for \"{text}\" (install espeak-ng and sox): {errors}");
            }

            var bytes = File.ReadAllBytes(file);
            var samples = new short[bytes.Length / 2];
            Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 2);
            return samples;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
