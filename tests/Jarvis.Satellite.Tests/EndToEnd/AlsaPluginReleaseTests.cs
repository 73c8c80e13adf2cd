using Jarvis.Satellite.Tests.Link;
using Jarvis.Satellite.Tests.Support;
using Xunit.Abstractions;

namespace Jarvis.Satellite.Tests.EndToEnd;

/// <summary>
/// The real program, listening on ALSA file devices: PortAudio's device enumeration probes every PCM ALSA defines and
/// so loads their plugin libraries (libasound2-plugins: pulse, jack, the libavcodec rate converter, …); once its own
/// devices are open the program lets ALSA unload them (<c>Satellite:Audio:ReleaseAlsaPlugins</c>). The ALSA backend opens
/// only the configured PCMs and so never loads them.
/// </summary>
[Collection(AlsaCollection.Name)]
public sealed class AlsaPluginReleaseTests(AlsaFileDevices alsa, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_listening_satellite_has_unloaded_the_alsa_plugins_the_portaudio_device_enumeration_loaded()
    {
        var kept = await ProbePluginsWhileListeningAsync("PortAudio", release: false);
        var released = await ProbePluginsWhileListeningAsync("PortAudio", release: true);

        output.WriteLine($"ALSA plugin libraries mapped while listening: kept {string.Join(", ", kept)}; released {string.Join(", ", released)}");
        Assert.NotEmpty(kept); // the enumeration loads plugins here (libasound2-plugins is installed with the satellite)
        Assert.Empty(released);
    }

    [Fact]
    public async Task A_satellite_on_the_alsa_backend_loads_no_alsa_plugin_even_without_releasing_them()
    {
        var mapped = await ProbePluginsWhileListeningAsync("Alsa", release: false);

        output.WriteLine($"ALSA plugin libraries mapped while listening (Alsa backend): {string.Join(", ", mapped)}");
        Assert.Empty(mapped);
    }

    private async Task<IReadOnlyList<string>> ProbePluginsWhileListeningAsync(string backend, bool release)
    {
        var directory = Directory.CreateTempSubdirectory("jarvis-alsa-").FullName;
        alsa.SetMicrophone(new short[16000 * 120]);
        await using var server = await TestLinkServer.StartAsync();
        var satellite = SatelliteProcess.Start(SatelliteProcess.Program, alsa.AlsaConfigPath,
        [
            "--config", Path.Combine(directory, "none.json"), $"--Satellite:StateDirectory={directory}",
            $"--Satellite:Link:ServerUrl={server.Uri}", "--Satellite:Link:SatelliteId=kitchen-sat", "--Satellite:Link:Room=kitchen",
            "--Satellite:Link:Token=secret-token", "--Satellite:Audio:InputDevice=jarvis_in", "--Satellite:Audio:OutputDevice=jarvis_out",
            "--Satellite:Audio:Pace=true", $"--Satellite:Audio:ReleaseAlsaPlugins={release}", $"--Satellite:Audio:Backend={backend}",
        ]);
        await using (satellite)
        {
            await Eventually.TrueAsync(() => satellite.ListeningAfter is not null || satellite.HasExited, Deadline, "the program listens", 50);
            Assert.False(satellite.HasExited, string.Join('\n', satellite.Lines));
            var plugins = File.ReadLines($"/proc/{satellite.Id}/maps")
                .Select(line => Path.GetFileName(line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Last()))
                .Where(file => file.StartsWith("libasound_module_", StringComparison.Ordinal))
                .Distinct()
                .ToList();
            Assert.Equal(0, await satellite.StopAsync(TimeSpan.FromSeconds(15)));
            Directory.Delete(directory, recursive: true);
            return plugins;
        }
    }
}
