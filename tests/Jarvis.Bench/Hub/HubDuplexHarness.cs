using System.Diagnostics;
using System.Globalization;
using Jarvis.Server.Hosting;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Jarvis.Bench.Hub;

/// <summary>
/// <c>-- harness hub-duplex [--satellites 50] [--seconds 20]</c>: the real server in-process with 50 simulated satellites,
/// one in a conversation (20 ms packets up, PersonaPlex's 80 ms packets down through an instant loopback backend), the
/// others sending voice events. Prints the latency the server adds in each direction (p50/p99), process CPU and
/// allocations per packet.
/// </summary>
internal static class HubDuplexHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var satellites = Option(args, "--satellites", 50);
        var seconds = Option(args, "--seconds", 20);
        var uplink = new LatencySamples(1 << 16);
        var downlink = new LatencySamples(1 << 16);
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Mqtt:Port"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Rooms:WakeMode"] = "Button",
            ["PersonaPlex:Mode"] = "OnDemand",
            ["Logging:LogLevel:Default"] = "Warning",
            ["State:Directory"] = BenchSecrets.NewStateDirectory(),
        };
        var rooms = Enumerable.Range(0, satellites).Select(i => $"room-{i:00}").ToArray();
        foreach (var room in rooms)
        {
            settings[$"Satellites:Devices:{room}-pi:Room"] = room;
            settings[$"Satellites:Devices:{room}-pi:Token"] = BenchSecrets.TokenOf(room);
        }

        var app = ServerApp.Build(settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray(),
            services => services.AddSingleton<IPersonaPlexSessions>(new LoopbackPersonaPlex(uplink, downlink)));
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var link = new Uri($"ws://{address.Authority}/link/v1");
        var clients = rooms.Select(room => new BenchSatellite(room, downlink)).ToArray();
        try
        {
            foreach (var client in clients)
            {
                await client.ConnectAsync(link, BenchSecrets.TokenOf(client.Room));
            }

            await Task.WhenAll(clients.Select(c => c.Welcomed)).WaitAsync(TimeSpan.FromSeconds(30));
            var active = clients[0];
            await active.SendAsync(new Jarvis.Protocol.Link.Messages.ButtonMessage(Jarvis.Protocol.Link.Messages.ButtonPress.Long, 0));
            await active.Active.WaitAsync(TimeSpan.FromSeconds(10));
            await active.SendAsync(new Jarvis.Protocol.Link.Messages.VoiceActivityMessage(Jarvis.Protocol.Link.Messages.VoiceActivityState.Start, 0.9, 0, -10));

            using var stop = new CancellationTokenSource();
            var others = VoiceEventsAsync(clients[1..], stop.Token);
            var warmup = TimeSpan.FromSeconds(2);
            var streaming = StreamAsync(active, uplink, warmup + TimeSpan.FromSeconds(seconds));
            await Task.Delay(warmup);

            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var downBefore = active.DownlinkReceived;
            var wall = Stopwatch.StartNew();
            uplink.Recording = downlink.Recording = true;
            var upSent = await streaming;
            uplink.Recording = downlink.Recording = false;
            var elapsed = wall.Elapsed;
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            // Same load without audio (the conversation stays open, voice events and pings go on), after everything is warm.
            var (idleBytesPerSecond, idleCpu) = await MeasureIdleAsync(TimeSpan.FromSeconds(10));
            await stop.CancelAsync();
            await others;

            var packets = uplink.Count + (active.DownlinkReceived - downBefore);
            var metrics = app.Services.GetRequiredService<HubMetrics>();
            Console.WriteLine($"hub-duplex: {satellites} satellites, 1 active, {elapsed.TotalSeconds:0.0} s measured");
            Console.WriteLine($"uplink   (satellite -> server -> PersonaPlex)  packets {uplink.Count,6}  p50 {uplink.Percentile(0.5):0.000} ms  p99 {uplink.Percentile(0.99):0.000} ms  max {uplink.Percentile(1):0.000} ms");
            Console.WriteLine($"downlink (PersonaPlex -> server -> satellite)  packets {downlink.Count,6}  p50 {downlink.Percentile(0.5):0.000} ms  p99 {downlink.Percentile(0.99):0.000} ms  max {downlink.Percentile(1):0.000} ms");
            Console.WriteLine($"server-side only (histograms): uplink p50 {metrics.UplinkLatency.Quantile(0.5) * 1000:0.000} ms p99 {metrics.UplinkLatency.Quantile(0.99) * 1000:0.000} ms, downlink p50 {metrics.DownlinkLatency.Quantile(0.5) * 1000:0.000} ms p99 {metrics.DownlinkLatency.Quantile(0.99) * 1000:0.000} ms");
            var cpuPercent = cpu.TotalSeconds / elapsed.TotalSeconds * 100;
            Console.WriteLine($"process CPU (server + {satellites} simulated satellites): {cpuPercent:0.0} % of one core streaming, {idleCpu:0.0} % with the downlink, voice events and pings only");
            var uplinkOnly = allocated - (idleBytesPerSecond * elapsed.TotalSeconds);
            Console.WriteLine($"allocated (whole process, incl. simulated satellites, pings, voice-event JSON): {allocated / Math.Max(1, packets):0} B per duplex packet, {allocated / elapsed.TotalSeconds / 1024:0.0} KiB/s");
            Console.WriteLine($"allocated by the uplink path alone (vs. the same load with downlink only, {idleBytesPerSecond / 1024:0.0} KiB/s): {uplinkOnly / Math.Max(1, uplink.Count):0} B per uplink packet ({packets} packets measured, {upSent} sent up)");
            Console.WriteLine($"dropped: not active {metrics.DroppedNotActive.Value}, slow satellite {metrics.DroppedSlowSatellite.Value}, backend {metrics.DroppedBackend.Value}");
            return 0;
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }

            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Allocation rate and CPU of the whole process with no audio flowing (voice events and pings only).</summary>
    private static async Task<(double BytesPerSecond, double CpuPercent)> MeasureIdleAsync(TimeSpan duration)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var wall = Stopwatch.StartNew();
        await Task.Delay(duration);
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        return (bytes / wall.Elapsed.TotalSeconds, cpu.TotalSeconds / wall.Elapsed.TotalSeconds * 100);
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

    private static async Task VoiceEventsAsync(BenchSatellite[] others, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var tick = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                // Each idle room toggles its voice every second, staggered, hearing the speaker faintly.
                var client = others[tick % others.Length];
                var start = tick / others.Length % 2 == 0;
                await client.SendAsync(new Jarvis.Protocol.Link.Messages.VoiceActivityMessage(
                    start ? Jarvis.Protocol.Link.Messages.VoiceActivityState.Start : Jarvis.Protocol.Link.Messages.VoiceActivityState.Stop,
                    0.3, tick * 1000L, -45));
                tick++;
            }
        }
        catch (OperationCanceledException)
        {
            // Done.
        }
    }

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
}
