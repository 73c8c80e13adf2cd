using System.Diagnostics;

namespace Jarvis.Server.Tests.Hub;

/// <summary>Real speech for microphones: espeak-ng, resampled to 16 kHz mono 16-bit by sox.</summary>
internal static class SpokenWords
{
    public static short[] Say(string text)
    {
        var file = Path.Combine(Path.GetTempPath(), $"jarvis-speech-{Guid.NewGuid():N}.raw");
        try
        {
            using var process = Process.Start(new ProcessStartInfo("bash",
                ["-c", $"espeak-ng --stdout \"{text}\" | sox -t wav - -r 16000 -b 16 -c 1 -e signed-integer -t raw {file}"])
            {
                UseShellExecute = false,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException("bash did not start");
            process.WaitForExit(30_000);
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
