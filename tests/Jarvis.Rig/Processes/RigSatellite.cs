using Jarvis.Rig.Audio;

namespace Jarvis.Rig.Processes;

/// <summary>
/// One real <c>jarvis-satellite</c> process on config-only ALSA devices: <c>jarvis_in</c> reads a microphone file fed at
/// real time (<see cref="Microphone"/>), <c>jarvis_out</c> writes a WAV the rig tails (<see cref="Speaker"/>); both are
/// paced by the satellite itself (<c>Satellite:Audio:Pace</c>, since the file devices are not).
/// </summary>
public sealed class RigSatellite : IAsyncDisposable
{
    private RigSatellite(string room, string directory, MicFeeder microphone, SpeakerTap speaker, ChildProcess process)
    {
        Room = room;
        Directory = directory;
        Microphone = microphone;
        Speaker = speaker;
        Process = process;
    }

    public string Room { get; }

    public string Directory { get; }

    public MicFeeder Microphone { get; }

    public SpeakerTap Speaker { get; }

    public ChildProcess Process { get; }

    public static RigSatellite Start(Uri link, string room, string token, IReadOnlyDictionary<string, string>? settings = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory($"jarvis-rig-{room}-").FullName;
        var mic = Path.Combine(directory, "mic16k.raw");
        var playback = Path.Combine(directory, "speaker.wav");
        var asoundrc = Path.Combine(directory, "asoundrc");
        File.WriteAllText(asoundrc, $$"""
            pcm.jarvis_out_file { type file slave.pcm "null" file "{{playback}}" format "wav" }
            pcm.jarvis_out { type plug slave { pcm "jarvis_out_file" format S16_LE rate 16000 channels 1 } }
            pcm.jarvis_in_file { type file slave.pcm "null" file "/dev/null" infile "{{mic}}" format "raw" }
            pcm.jarvis_in { type plug slave { pcm "jarvis_in_file" format S16_LE rate 16000 channels 1 } }
            """);
        var microphone = new MicFeeder(mic, TimeSpan.FromMilliseconds(300));
        var speaker = new SpeakerTap(playback);
        var args = new Dictionary<string, string>
        {
            ["Satellite:StateDirectory"] = directory,
            ["Satellite:Link:ServerUrl"] = link.ToString(),
            ["Satellite:Link:SatelliteId"] = $"{room}-pi",
            ["Satellite:Link:Room"] = room,
            ["Satellite:Link:Token"] = token,
            ["Satellite:Link:StatsIntervalMilliseconds"] = "500",
            ["Satellite:Audio:InputDevice"] = "jarvis_in",
            ["Satellite:Audio:OutputDevice"] = "jarvis_out",
            ["Satellite:Audio:Pace"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            args[key] = value;
        }

        var process = ChildProcess.Start($"satellite {room}", BuiltPrograms.Satellite,
            ["--config", Path.Combine(directory, "none.json"), .. args.Select(kv => $"--{kv.Key}={kv.Value}")],
            new Dictionary<string, string>
            {
                ["ALSA_CONFIG_PATH"] = $"/usr/share/alsa/alsa.conf:{asoundrc}",
                ["HOME"] = directory,
                ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0",
            });
        microphone.Start(process.Id);
        speaker.Start();
        return new RigSatellite(room, directory, microphone, speaker, process);
    }

    /// <summary>Speaks <paramref name="clip"/> into the microphone <paramref name="delay"/> from now.</summary>
    public Utterance Say(short[] clip, TimeSpan delay)
    {
        var onset = Energy.Onset(clip, 0, Energy.SilenceDbfs + 10);
        var position = Microphone.Say(clip, delay);
        return new Utterance(position + (Math.Max(onset, 0) * 2L), clip.Length);
    }

    /// <summary>When the satellite read the utterance's onset from its microphone (a timestamp), or null.</summary>
    public long? MouthTime(Utterance utterance) => Microphone.ReadAt(utterance.OnsetPosition);

    /// <summary>
    /// When the first loud 10 ms of what the speaker played after <paramref name="mouth"/> reached the speaker file (a
    /// timestamp), if within <paramref name="window"/>.
    /// </summary>
    public long? EarTime(long mouth, TimeSpan window, double thresholdDbfs, short[]? played = null)
    {
        played ??= Speaker.Samples();
        int low = 0, high = played.Length / 160;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (Speaker.WrittenAt((middle * 160) + 159) is { } written && written > mouth)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        for (var start = low * 160; start + 160 <= played.Length; start += 160)
        {
            if (Energy.Dbfs(played.AsSpan(start, 160)) >= thresholdDbfs && Speaker.WrittenAt(start + 159) is { } ear)
            {
                return System.Diagnostics.Stopwatch.GetElapsedTime(mouth, ear) <= window ? ear : null;
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync().ConfigureAwait(false);
        await Microphone.DisposeAsync().ConfigureAwait(false);
        await Speaker.DisposeAsync().ConfigureAwait(false);
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
