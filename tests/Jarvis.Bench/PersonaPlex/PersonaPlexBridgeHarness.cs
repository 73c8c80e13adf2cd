using System.Diagnostics;
using System.Globalization;
using Jarvis.Protocol.Opus;
using Jarvis.Server.PersonaPlex;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Jarvis.Bench.PersonaPlex;

/// <summary>
/// <c>harness personaplex-bridge [--backend moshi|realtime|socket-only] [--sessions N] [--warmup S (realtime)] [seconds]</c>. Moshi (the default, one session):
/// a room streams 20 ms Opus packets in real time through the session manager to the emulator (separate process), which
/// answers 12.5 pages/s. Measures room packet → Ogg page written to the socket, PersonaPlex page received → packet handed to
/// the room, bytes allocated per packet and CPU in this process. Realtime: see <see cref="RealtimeBridgeHarness"/>.
/// </summary>
internal static class PersonaPlexBridgeHarness
{
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync(string[] args)
    {
        var backend = "moshi";
        var sessions = 1;
        var seconds = 30;
        var warmup = 30; // realtime: the JIT's last tier and the pools' and queues' first fill (one-off bytes) come in the first ~20 s
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--backend": backend = args[++i].ToLowerInvariant(); break;
                case "--sessions": sessions = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: seconds = int.Parse(args[i], CultureInfo.InvariantCulture); break;
            }
        }

        if (backend == "realtime")
        {
            return await RealtimeBridgeHarness.RunAsync(sessions, seconds, TimeSpan.FromSeconds(warmup)).ConfigureAwait(false);
        }

        if (backend == "socket-only")
        {
            return await RealtimeSocketBaselineHarness.RunAsync(sessions, seconds, TimeSpan.FromSeconds(warmup)).ConfigureAwait(false);
        }

        if (backend != "moshi" || sessions != 1)
        {
            Console.Error.WriteLine("personaplex-bridge: --backend moshi (one session, the default) or --backend realtime --sessions N");
            return 2;
        }

        await using var emulator = await EmulatorChildProcess.StartAsync().ConfigureAwait(false);
        var options = new PersonaPlexOptions { Url = emulator.ChatUrl.ToString(), RotateAfter = TimeSpan.FromHours(1), MaxDrift = TimeSpan.FromSeconds(5) };
        using var manager = new PersonaPlexSessionManager(Options.Create(options), TimeProvider.System, NullLoggerFactory.Instance);
        await manager.StartAsync(CancellationToken.None).ConfigureAwait(false);
        while (manager.GetStatus()[0].State != PersonaPlexState.Warm)
        {
            await Task.Delay(20).ConfigureAwait(false);
        }

        var packets = EncodeTone(50);
        var toSocket = new LatencyRecorder(seconds * 50);
        var toRoom = new LatencyRecorder((seconds * 13) + 16);
        var room = await manager.AcquireAsync("bench", CancellationToken.None).ConfigureAwait(false);
        var receiving = ReceiveAsync(room, toRoom);
        var meter = new ProcessMeter();
        await SendAsync(room, packets, toSocket, toRoom, seconds, meter).ConfigureAwait(false);
        await room.DisposeAsync().ConfigureAwait(false);
        await receiving.ConfigureAwait(false);

        var status = manager.GetStatus()[0];
        await manager.StopAsync(CancellationToken.None).ConfigureAwait(false);
        Console.WriteLine($"PersonaPlex bridge, {seconds} s steady state after {Warmup.TotalSeconds:0} s warm-up, 20 ms room packets in, 12.5 pages/s out");
        Console.WriteLine($"  room packet -> Ogg page on the socket: {toSocket.Summary()}");
        Console.WriteLine($"  PersonaPlex page in -> packet to room: {toRoom.Summary()}");
        Console.WriteLine($"  allocated in this process: {toSocket.AllocatedBytes / (double)(toSocket.Count + toRoom.Count):0.0} bytes per packet ({toSocket.AllocatedBytes} bytes for {toSocket.Count} in + {toRoom.Count} out), gen0 GCs {toSocket.Gen0Collections}");
        Console.WriteLine($"  CPU in this process: {meter.CorePercentPer(1):0.00} % of one core ({meter.Cpu.TotalSeconds:0.00} s CPU over {meter.Wall.TotalSeconds:0.0} s), load average {ProcessMeter.LoadAverage():0.0}");
        Console.WriteLine($"  session: sent {status.SentSeconds:0.0} s, received {status.ReceivedSeconds:0.0} s, drift {status.DriftSeconds * 1000:0} ms, reconnects {status.Reconnects}");
        return 0;
    }

    private static async Task SendAsync(IConversationChannel room, byte[][] packets, LatencyRecorder toSocket, LatencyRecorder toRoom, int seconds, ProcessMeter meter)
    {
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        var warmupPackets = (int)(Warmup.TotalMilliseconds / 20);
        for (var n = 0; n < warmupPackets + (seconds * 50); n++)
        {
            if (n == warmupPackets)
            {
                toSocket.StartRecording();
                toRoom.StartRecording();
                meter.Start();
            }

            var started = Stopwatch.GetTimestamp();
            await room.SendAsync(packets[n % packets.Length], CancellationToken.None).ConfigureAwait(false);
            toSocket.Add(Stopwatch.GetElapsedTime(started));
            await pace.WaitForNextTickAsync().ConfigureAwait(false);
        }

        meter.Stop();
        toSocket.StopRecording();
        toRoom.StopRecording();
    }

    private static async Task ReceiveAsync(IConversationChannel room, LatencyRecorder toRoom)
    {
        // No token: a cancellable channel wait allocates each time. The loop ends when the conversation is disposed.
        while (await room.Audio.WaitToReadAsync().ConfigureAwait(false))
        {
            while (room.Audio.TryRead(out var packet))
            {
                toRoom.Add(Stopwatch.GetElapsedTime(packet.ArrivalTimestamp));
                packet.Dispose();
            }
        }
    }

    private static byte[][] EncodeTone(int count)
    {
        using var encoder = OpusFrameEncoder.Create(new OpusEncoderOptions { SampleRate = 16000, FrameMilliseconds = 20 });
        var pcm = new short[encoder.FrameSamples];
        var packet = new byte[1275];
        var packets = new byte[count][];
        for (var n = 0; n < count; n++)
        {
            for (var i = 0; i < pcm.Length; i++)
            {
                pcm[i] = (short)(6000 * Math.Sin(2 * Math.PI * 300 * ((n * pcm.Length) + i) / 16000.0));
            }

            packets[n] = packet.AsSpan(0, encoder.Encode(pcm, packet)).ToArray();
        }

        return packets;
    }
}
