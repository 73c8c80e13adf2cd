using System.Diagnostics;

namespace Jarvis.Satellite.Tests.Support;

/// <summary>Speech made with espeak-ng and shaped with sox, as 16 kHz mono samples.</summary>
internal static class SpeechFiles
{
    public const string FarText =
        "The weather today is mostly sunny with a light breeze from the west. Tomorrow we expect clouds in the morning " +
        "and some rain in the afternoon. Temperatures will stay around fifteen degrees for the rest of the week.";

    public const string NearText = "Jarvis, please turn on the kitchen lights and set a timer for ten minutes.";

    /// <summary>espeak-ng speech resampled to 16 kHz mono.</summary>
    public static short[] Speak(string directory, string name, string text, string voice = "en-us", int pitch = 50, int speed = 150)
    {
        var raw = Path.Combine(directory, name + ".wav");
        Run("espeak-ng", "-v", voice, "-p", pitch.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-s", speed.ToString(System.Globalization.CultureInfo.InvariantCulture), "-w", raw, text);
        return Sox(directory, raw, name + "16k");
    }

    /// <summary>Runs <c>sox IN -r 16000 -c 1 -b 16 OUT EFFECTS…</c> and returns the samples.</summary>
    public static short[] Sox(string directory, string input, string name, params string[] effects)
    {
        var output = Path.Combine(directory, name + ".wav");
        Run("sox", [input, "-r", "16000", "-c", "1", "-b", "16", output, .. effects]);
        return Wav.ReadSamples(File.ReadAllBytes(output));
    }

    public static string WriteWav(string directory, string name, short[] samples)
    {
        var path = Path.Combine(directory, name + ".raw");
        File.WriteAllBytes(path, System.Runtime.InteropServices.MemoryMarshal.AsBytes(samples.AsSpan()).ToArray());
        var wav = Path.Combine(directory, name + ".wav");
        Run("sox", "-t", "raw", "-r", "16000", "-e", "signed", "-b", "16", "-c", "1", path, wav);
        return wav;
    }

    private static void Run(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start");
        var stderr = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(30_000) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed: {stderr}");
        }
    }
}
