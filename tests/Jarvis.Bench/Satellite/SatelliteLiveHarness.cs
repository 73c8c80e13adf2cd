using System.Diagnostics;
using System.Globalization;
using Jarvis.Satellite.Audio;
using Jarvis.Satellite.Audio.Scripted;
using Jarvis.Satellite.Hosting;
using Jarvis.Satellite.Link;
using Jarvis.Satellite.Playback;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jarvis.Bench.Satellite;

/// <summary>
/// <c>-- harness satellite-live [seconds]</c>: the real satellite host (all services and threads) in real time with a
/// paced scripted microphone and speaker and an in-memory loopback server that keeps a conversation active and echoes
/// the uplink back; reports process CPU per audio second and RSS once warmed up.
/// </summary>
internal static class SatelliteLiveHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
        var state = Directory.CreateTempSubdirectory("jarvis-bench-").FullName;
        var loopback = new LoopbackLinkTransport();
        var speaker = new DiscardingAudioPlayback(16000, 320);
        var builder = SatelliteHost.CreateBuilder(
        [
            "--config", Path.Combine(state, "none.json"),
            "--Satellite:Link:ServerUrl=ws://loopback/link/v1", "--Satellite:Link:SatelliteId=bench",
            "--Satellite:Link:Room=bench", "--Satellite:Link:Token=bench", $"--Satellite:StateDirectory={state}",
        ]);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IAudioDeviceFactory>(new LoopDevices(SpeechLikeSignal.Create(16000, 8), speaker));
        builder.Services.AddSingleton<Func<ILinkTransport>>(() => loopback);
        using var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromSeconds(5)).ConfigureAwait(false);

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var echoedBefore = loopback.Echoed;
        var wall = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var audioSeconds = wall.Elapsed.TotalSeconds;
        var stats = host.Services.GetRequiredService<JitterBuffer>().Stats();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"satellite-live: {audioSeconds:0.0} s real time, {loopback.Echoed - echoedBefore} frames streamed and echoed back"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  process CPU {cpu:0.000} s → {cpu / audioSeconds:0.0000} CPU-s per audio second ({100 * cpu / audioSeconds:0.00} % of one core)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  RSS {process.WorkingSet64 / 1048576.0:0.0} MB, managed heap {GC.GetTotalMemory(false) / 1048576.0:0.0} MB, gen0 GCs {GC.CollectionCount(0)}; " +
            $"jitter {stats.JitterMilliseconds:0.0} ms, depth {stats.DepthMilliseconds:0} ms, lost {stats.Lost}, underruns {stats.Underruns}"));
        await host.StopAsync().ConfigureAwait(false);
        Directory.Delete(state, recursive: true);
        return speaker.Energy > 0 ? 0 : 1;
    }

    private sealed class LoopDevices(short[] microphone, IAudioPlayback speaker) : IAudioDeviceFactory
    {
        public IAudioCapture OpenCapture() =>
            new PacedAudioCapture(new ScriptedAudioCapture(microphone, 16000, 320, loop: true), TimeProvider.System);

        public IAudioPlayback? OpenPlayback() => new PacedAudioPlayback(speaker, TimeProvider.System);
    }
}
