using System.Diagnostics;
using System.Globalization;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.Hosting;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Status;
using Jarvis.Server.Wake;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Jarvis.Bench.Hub;

/// <summary>
/// <c>-- harness hub-duplex [--satellites 50] [--seconds 20] [--warmup 40] [--wake-packet-ms 60]</c>: the real server in-process with N simulated satellites,
/// all streaming. Room 0 is in the conversation the loopback endpoint allows (one session: 20 ms packets up, PersonaPlex's
/// 80 ms packets down through an instant loopback backend); the other N-1 rooms talk in voice-gated bursts on the wake path
/// (real Opus in packets of <c>Satellites:WakePacketMs</c>, decoded by the server and handed to an instant loopback
/// wake-word service), from a child process
/// (<c>hub-satellites</c>) so that the process CPU measured here is the server's. Prints the latency the server adds
/// (end to end for the conversation, server-side histograms for both paths), CPU per streaming satellite and bytes
/// allocated per packet.
/// </summary>
internal static class HubDuplexHarness
{
    /// <summary>How long the rooms send their voice events without audio after streaming (10 s of it measured).</summary>
    private const int EventSeconds = 14;

    public static string RoomName(int index) => $"room-{index:000}";

    public static async Task<int> RunAsync(string[] args)
    {
        var satellites = Option(args, "--satellites", 50);
        var seconds = Option(args, "--seconds", 20);
        var warmup = TimeSpan.FromSeconds(Option(args, "--warmup", 40)); // tiering up under this load takes ~30 s (10 s left 200+ methods and 2-6 points of CPU to the window)
        var uplink = new LatencySamples(1 << 16);
        var downlink = new LatencySamples(1 << 16);
        var wake = new LoopbackWakeDetector();
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Mqtt:Port"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Rooms:WakeMode"] = "WakeWord",
            ["Satellites:WakePacketMs"] = Option(args, "--wake-packet-ms", 60).ToString(CultureInfo.InvariantCulture),
            ["PersonaPlex:Mode"] = "OnDemand",
            ["Logging:LogLevel:Default"] = "Warning",
            ["State:Directory"] = BenchSecrets.NewStateDirectory(),
        };
        var rooms = Enumerable.Range(0, satellites).Select(RoomName).ToArray();
        foreach (var room in rooms)
        {
            settings[$"Satellites:Devices:{room}-pi:Room"] = room;
            settings[$"Satellites:Devices:{room}-pi:Token"] = BenchSecrets.TokenOf(room);
        }

        var app = ServerApp.Build(settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray(), services =>
        {
            services.AddSingleton<IPersonaPlexSessions>(new LoopbackPersonaPlex(uplink, downlink));
            services.AddSingleton<IWakeWordDetector>(wake);
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var link = new Uri($"ws://{address.Authority}/link/v1");
        var active = new BenchSatellite(rooms[0], downlink);
        using var others = satellites > 1 ? StartSatellites(link, satellites - 1, seconds + (int)warmup.TotalSeconds + 1, EventSeconds) : null;
        try
        {
            await active.ConnectAsync(link, BenchSecrets.TokenOf(active.Room));
            await active.Welcomed.WaitAsync(TimeSpan.FromSeconds(30));
            await active.SendAsync(new ButtonMessage(ButtonPress.Long, 0));
            await active.Active.WaitAsync(TimeSpan.FromSeconds(10));
            await active.SendAsync(new VoiceActivityMessage(VoiceActivityState.Start, 0.9, 0, -10));
            if (others is not null)
            {
                await others.WaitForLineAsync("streaming", TimeSpan.FromSeconds(120));
            }

            var streaming = StreamAsync(active, uplink, warmup + TimeSpan.FromSeconds(seconds));
            await Task.Delay(warmup);

            var metrics = app.Services.GetRequiredService<HubMetrics>();
            var feed = app.Services.GetRequiredService<MetricsRegistry>().Histograms().First(h => h.Name == "jarvis_wake_feed_latency_seconds").Histogram;
            using var sampler = PersonaPlex.AllocationSampler.FromEnvironment();
            var measure = Measurement.Start(wake, active);
            uplink.Recording = downlink.Recording = true;
            sampler?.Start();
            var upSent = await streaming;
            sampler?.Stop();
            uplink.Recording = downlink.Recording = false;
            var streamed = measure.Stop(wake, active, uplink.Count);
            var clientSummary = others is null ? "" : await others.WaitForLineAsync("satellites:", TimeSpan.FromSeconds(30));

            // The same rooms' voice events without audio: what the audio packets alone cost is the difference.
            Result? eventsOnly = null;
            var eventSummary = "";
            if (others is not null)
            {
                await others.WaitForLineAsync("events-only", TimeSpan.FromSeconds(30));
                await Task.Delay(TimeSpan.FromSeconds(3)); // the wake streams of the bursts cut short close after 1.5 s idle
                var events = Measurement.Start(wake, active);
                await Task.Delay(TimeSpan.FromSeconds(EventSeconds - 4));
                eventsOnly = events.Stop(wake, active, 0);
                eventSummary = await others.WaitForLineAsync("events:", TimeSpan.FromSeconds(30));
            }

            // The same connections with no audio and no voice (the conversation stays open, pings go on): the baseline.
            var idle = Measurement.Start(wake, active);
            await Task.Delay(TimeSpan.FromSeconds(8));
            var quiet = idle.Stop(wake, active, 0);

            Console.WriteLine($"hub-duplex: {satellites} satellites streaming (1 in the conversation, {satellites - 1} voice-gated on the wake path), {streamed.Seconds:0.0} s measured, load average {LoadAverage()}");
            Console.WriteLine($"conversation uplink   (satellite -> server -> PersonaPlex)  packets {uplink.Count,6}  p50 {uplink.Percentile(0.5):0.000} ms  p99 {uplink.Percentile(0.99):0.000} ms  max {uplink.Percentile(1):0.000} ms");
            Console.WriteLine($"conversation downlink (PersonaPlex -> server -> satellite)  packets {downlink.Count,6}  p50 {downlink.Percentile(0.5):0.000} ms  p99 {downlink.Percentile(0.99):0.000} ms  max {downlink.Percentile(1):0.000} ms");
            Console.WriteLine($"server-side only (histograms, whole run): conversation uplink p50 {metrics.UplinkLatency.Quantile(0.5) * 1000:0.000} ms p99 {metrics.UplinkLatency.Quantile(0.99) * 1000:0.000} ms, downlink p50 {metrics.DownlinkLatency.Quantile(0.5) * 1000:0.000} ms p99 {metrics.DownlinkLatency.Quantile(0.99) * 1000:0.000} ms, wake path (arrival -> PCM to the wake service) p50 {feed.Quantile(0.5) * 1000:0.000} ms p99 {feed.Quantile(0.99) * 1000:0.000} ms ({feed.Count} packets)");
            Console.WriteLine($"wake path: {streamed.WakeChunks} voice packets decoded and handed to the wake service ({streamed.WakeChunks / streamed.Seconds:0} per s, {streamed.WakeSeconds / streamed.Seconds:0.0} s of audio per s), {wake.Streams} wake streams opened");
            Console.WriteLine($"server process CPU: {streamed.CpuPercent:0.0} % of one core streaming ({streamed.CpuPercent / satellites:0.00} % per streaming satellite), {quiet.CpuPercent:0.0} % connected without audio");
            Console.WriteLine($"  of which the JIT compiler: {streamed.JitPercent:0.0} % streaming ({streamed.JitMethods} methods compiled), {quiet.JitPercent:0.0} % without audio ({quiet.JitMethods})");
            var packets = streamed.Packets;
            var extra = Math.Max(0, streamed.BytesPerSecond - quiet.BytesPerSecond) * streamed.Seconds;
            Console.WriteLine($"server process allocations: {streamed.Allocated / Math.Max(1, packets):0} B per packet overall ({packets} packets in and out, {streamed.BytesPerSecond / 1024:0.0} KiB/s), {extra / Math.Max(1, packets):0} B per packet above the no-audio baseline ({quiet.BytesPerSecond / 1024:0.0} KiB/s), {extra / Math.Max(1, streamed.WakeSeconds * 50 + uplink.Count + downlink.Count * 4):0.0} B per 20 ms of audio");
            if (eventsOnly is not null)
            {
                // Voice events: 2 per room per 5 s cycle; both phases have them at the same rate.
                var eventsPerSecond = 2.0 * (satellites - 1) / 5;
                var audioOnly = Math.Max(0, streamed.BytesPerSecond - eventsOnly.BytesPerSecond) * streamed.Seconds;
                Console.WriteLine($"  of which: audio packets {audioOnly / Math.Max(1, packets):0.0} B per packet (streaming minus the same voice events without audio, {eventsOnly.BytesPerSecond / 1024:0.0} KiB/s), voice events {Math.Max(0, eventsOnly.BytesPerSecond - quiet.BytesPerSecond) / eventsPerSecond:0} B per event ({eventsPerSecond:0} a second, {eventsOnly.CpuPercent:0.0} % of a core with the pings and the conversation)");
            }

            Console.WriteLine($"dropped: not active {metrics.DroppedNotActive.Value}, slow satellite {metrics.DroppedSlowSatellite.Value}, backend {metrics.DroppedBackend.Value}; {upSent} conversation packets sent up");
            if (sampler is not null)
            {
                Console.WriteLine($"allocation samples (one per ~100 KB): {sampler.Summary()}");
            }

            if (clientSummary.Length > 0)
            {
                Console.WriteLine(clientSummary);
                Console.WriteLine(eventSummary);
            }

            return 0;
        }
        finally
        {
            others?.Stop();
            await active.DisposeAsync();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static SatelliteProcess StartSatellites(Uri link, int count, int seconds, int eventSeconds)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(HubDuplexHarness).Assembly.Location, "harness", "hub-satellites",
            "--link", link.ToString(), "--first", "1", "--count", count.ToString(CultureInfo.InvariantCulture),
            "--seconds", seconds.ToString(CultureInfo.InvariantCulture), "--event-seconds", eventSeconds.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        return new SatelliteProcess(Process.Start(start)!);
    }

    private static async Task<int> StreamAsync(BenchSatellite active, LatencySamples uplink, TimeSpan duration)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var id = 0;
        while (Stopwatch.GetTimestamp() < end && await timer.WaitForNextTickAsync())
        {
            uplink.Sent(id);
            await active.SendAudioAsync(id++);
        }

        return id;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>CPU, allocations and packets of this process over one phase.</summary>
    private sealed class Measurement
    {
        private readonly TimeSpan _cpu;
        private readonly long _allocated;
        private readonly long _wakeChunks;
        private readonly long _wakeSamples;
        private readonly int _downlink;
        private readonly TimeSpan _jit = System.Runtime.JitInfo.GetCompilationTime();
        private readonly long _jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
        private readonly Stopwatch _wall = Stopwatch.StartNew();

        private Measurement(TimeSpan cpu, long allocated, long wakeChunks, long wakeSamples, int downlink) =>
            (_cpu, _allocated, _wakeChunks, _wakeSamples, _downlink) = (cpu, allocated, wakeChunks, wakeSamples, downlink);

        public static Measurement Start(LoopbackWakeDetector wake, BenchSatellite active) =>
            new(Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true), wake.Chunks, wake.Samples, active.DownlinkReceived);

        public Result Stop(LoopbackWakeDetector wake, BenchSatellite active, int uplinkPackets)
        {
            var seconds = _wall.Elapsed.TotalSeconds;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - _allocated;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpu;
            var wakeChunks = wake.Chunks - _wakeChunks;
            var packets = uplinkPackets + (active.DownlinkReceived - _downlink) + wakeChunks;
            var wakeSeconds = (wake.Samples - _wakeSamples) / 16000.0;
            var jit = System.Runtime.JitInfo.GetCompilationTime() - _jit;
            var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount() - _jitMethods;
            return new Result(seconds, cpu.TotalSeconds / seconds * 100, allocated, allocated / seconds, wakeChunks, wakeSeconds, packets,
                jit.TotalSeconds / seconds * 100, jitMethods);
        }
    }

    /// <param name="JitPercent">The JIT compiler's time in the phase (tiering up, on its own thread) as % of one core: part of <paramref name="CpuPercent"/>.</param>
    private sealed record Result(double Seconds, double CpuPercent, long Allocated, double BytesPerSecond, long WakeChunks, double WakeSeconds, long Packets,
        double JitPercent, long JitMethods);

    /// <summary>The child process with the voice-gated rooms; its standard input closing tells it to disconnect.</summary>
    private sealed class SatelliteProcess(Process process) : IDisposable
    {
        public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
        {
            using var deadline = new CancellationTokenSource(timeout);
            while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return line;
                }
            }

            throw new InvalidOperationException($"the satellites process ended before '{prefix}' (exit {(process.HasExited ? process.ExitCode : -1)})");
        }

        public void Stop()
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill();
            }
        }

        public void Dispose() => process.Dispose();
    }
}
