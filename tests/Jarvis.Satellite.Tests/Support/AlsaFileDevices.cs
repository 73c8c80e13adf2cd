namespace Jarvis.Satellite.Tests.Support;

/// <summary>
/// ALSA devices without a sound card: <c>jarvis_in</c> reads <see cref="MicFile"/> (raw S16_LE, 16 kHz mono),
/// <c>jarvis_out</c> writes <see cref="PlaybackFile"/> (WAV). Points alsa-lib at them before PortAudio starts.
/// </summary>
public sealed class AlsaFileDevices : IDisposable
{
    public AlsaFileDevices()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("jarvis-alsa-").FullName;
        MicFile = Path.Combine(Directory, "mic16k.raw");
        PlaybackFile = Path.Combine(Directory, "playback.wav");
        File.WriteAllBytes(MicFile, []);
        ConfigFile = Path.Combine(Directory, "asoundrc");
        File.WriteAllText(ConfigFile, $$"""
            pcm.jarvis_out_file { type file slave.pcm "null" file "{{PlaybackFile}}" format "wav" }
            pcm.jarvis_out { type plug slave { pcm "jarvis_out_file" format S16_LE rate 16000 channels 1 } }
            pcm.jarvis_in_file { type file slave.pcm "null" file "/dev/null" infile "{{MicFile}}" format "raw" }
            pcm.jarvis_in { type plug slave { pcm "jarvis_in_file" format S16_LE rate 16000 channels 1 } }
            """);
        NativeEnvironment.Set("ALSA_CONFIG_PATH", AlsaConfigPath);
    }

    public string Directory { get; }

    /// <summary>The file defining the devices.</summary>
    public string ConfigFile { get; }

    /// <summary>ALSA_CONFIG_PATH for a process that should see the devices.</summary>
    public string AlsaConfigPath => $"/usr/share/alsa/alsa.conf:{ConfigFile}";

    public string MicFile { get; }

    public string PlaybackFile { get; }

    public void SetMicrophone(ReadOnlySpan<short> samples) =>
        File.WriteAllBytes(MicFile, System.Runtime.InteropServices.MemoryMarshal.AsBytes(samples).ToArray());

    /// <summary>The samples written to the playback WAV (header skipped).</summary>
    public short[] ReadPlayback() => Wav.ReadSamples(File.ReadAllBytes(PlaybackFile));

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AlsaCollection : ICollectionFixture<AlsaFileDevices>
{
    public const string Name = "ALSA file devices";
}
