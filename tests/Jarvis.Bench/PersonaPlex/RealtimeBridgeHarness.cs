using System.Diagnostics;
using Jarvis.Protocol.Opus;
using Jarvis.Server.PersonaPlex;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Jarvis.Bench.PersonaPlex;

/// <summary>
/// <c>harness personaplex-bridge --backend realtime --sessions N [seconds]</c>: N rooms stream 20 ms Opus packets (16 kHz) in
/// real time through the session manager to the vLLM-Omni emulator (a separate process; it echoes each frame one frame later,
/// in deltas of 1 then 5 frames, as the shipped deploy chunks them). Measures, in this process only: room packet → append
/// written to the socket (decode, 24 kHz float frame, base64 JSON, send), model delta received → 20 ms Opus packets handed to
/// the room (JSON, base64, encode; for its first packet, for every packet, and for every packet less its place in the delta:
/// packet i of a delta plays 20·i ms after the first anyway, so only the time beyond that delays what the room hears), CPU
/// per session and bytes allocated per 80 ms frame in the steady window.
/// </summary>
internal static class RealtimeBridgeHarness
{
    /// <param name="sessions">Rooms streaming at once.</param>
    /// <param name="seconds">The measured window.</param>
    /// <param name="warmup">Streaming before the window: per-frame methods run 12.5 times a second, so the JIT's optimised tier
    /// (after its instrumented one) arrives only after several seconds; measuring earlier counts the JIT as the bridge's CPU,
    /// and the packet pool's and the rooms' queues' first fill (bytes allocated once) as bytes per frame.</param>
    public static async Task<int> RunAsync(int sessions, int seconds, TimeSpan warmup)
    {
        await using var emulator = await EmulatorChildProcess.StartAsync("--realtime", "--max-sessions", sessions.ToString(System.Globalization.CultureInfo.InvariantCulture), "--chunk-frames", "5")
            .ConfigureAwait(false);
        var options = new PersonaPlexOptions
        {
            Endpoints = [new PersonaPlexEndpointOptions { Url = emulator.ChatUrl.ToString(), Kind = PersonaPlexBackend.Realtime, Capacity = sessions }],
            MaxDrift = TimeSpan.FromSeconds(5),
        };
        using var manager = new PersonaPlexSessionManager(Options.Create(options), TimeProvider.System, NullLoggerFactory.Instance);
        await manager.StartAsync(CancellationToken.None).ConfigureAwait(false);
        while (manager.GetStatus().Any(s => s.State != PersonaPlexState.Warm))
        {
            await Task.Delay(20).ConfigureAwait(false);
        }

        var packets = EncodeTone(50);
        var rooms = new List<Room>();
        for (var i = 0; i < sessions; i++)
        {
            rooms.Add(new Room(await manager.AcquireAsync($"room{i}", CancellationToken.None).ConfigureAwait(false), seconds));
        }

        using var stop = new CancellationTokenSource();
        var running = rooms.Select(r => r.RunAsync(packets, stop.Token)).ToArray();
        await Task.Delay(warmup).ConfigureAwait(false);
        using var sampler = AllocationSampler.FromEnvironment();
        var meter = new ProcessMeter();
        var load = ProcessMeter.LoadAverage();
        rooms.ForEach(r => r.StartRecording());
        sampler?.Start();
        meter.Start();
        await Task.Delay(TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
        meter.Stop();
        sampler?.Stop();
        rooms.ForEach(r => r.StopRecording());
        load = Math.Max(load, ProcessMeter.LoadAverage());
        await stop.CancelAsync().ConfigureAwait(false);
        foreach (var room in rooms)
        {
            await room.DisposeAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        var status = manager.GetStatus();
        await manager.StopAsync(CancellationToken.None).ConfigureAwait(false);

        var packetsIn = rooms.Sum(r => r.ToSocket.Count);
        var packetsOut = rooms.Sum(r => r.ToRoom.Count);
        var frames = (packetsIn + packetsOut) / 4.0;
        Console.WriteLine($"PersonaPlex bridge, Realtime backend (vLLM-Omni emulator, separate process), {sessions} session(s), {seconds} s steady state after {warmup.TotalSeconds:0} s warm-up, load average {load:0.0}");
        Console.WriteLine($"  room packet -> append on the socket:          {LatencyRecorder.Summary(rooms.Select(r => r.ToSocket))}");
        Console.WriteLine($"  model delta in -> its first packet to room:   {LatencyRecorder.Summary(rooms.Select(r => r.FirstToRoom))}");
        Console.WriteLine($"  model delta in -> every packet to room:       {LatencyRecorder.Summary(rooms.Select(r => r.ToRoom))}");
        Console.WriteLine($"  every packet, late for its place in the delta: {LatencyRecorder.Summary(rooms.Select(r => r.LateToRoom))}");
        Console.WriteLine($"  CPU in this process: {meter.CorePercentPer(sessions):0.00} % of one core per session ({meter.Cpu.TotalSeconds:0.00} s CPU over {meter.Wall.TotalSeconds:0.0} s, {sessions} session(s))");
        Console.WriteLine($"  allocated in this process: {meter.AllocatedBytes / frames:0.0} bytes per 80 ms frame ({meter.AllocatedBytes} bytes for {frames:0} frames in + out), gen0 GCs {meter.Gen0Collections}");
        if (sampler is not null)
        {
            Console.WriteLine($"  allocation samples (one per ~100 KB): {sampler.Summary()}");
        }

        Console.WriteLine($"  sessions: reconnects {status.Sum(s => s.Reconnects)}, rotations {status.Sum(s => s.Rotations)}, drift resets {status.Sum(s => s.DriftResets)}");
        return 0;
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

    /// <summary>One room: sends in real time, receives, records both directions.</summary>
    private sealed class Room(IConversationChannel channel, int seconds) : IAsyncDisposable
    {
        public LatencyRecorder ToSocket { get; } = new((seconds + 2) * 50);

        public LatencyRecorder ToRoom { get; } = new((seconds + 2) * 60);

        public LatencyRecorder FirstToRoom { get; } = new((seconds + 2) * 15);

        public LatencyRecorder LateToRoom { get; } = new((seconds + 2) * 60);

        public void StartRecording()
        {
            ToSocket.StartRecording();
            ToRoom.StartRecording();
            FirstToRoom.StartRecording();
            LateToRoom.StartRecording();
        }

        public void StopRecording()
        {
            ToSocket.StopRecording();
            ToRoom.StopRecording();
            FirstToRoom.StopRecording();
            LateToRoom.StopRecording();
        }

        public Task RunAsync(byte[][] packets, CancellationToken cancellationToken) => Task.WhenAll(SendAsync(packets, cancellationToken), ReceiveAsync());

        public ValueTask DisposeAsync() => channel.DisposeAsync();

        private async Task SendAsync(byte[][] packets, CancellationToken cancellationToken)
        {
            using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
            try
            {
                for (var n = 0; await pace.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false); n++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await channel.SendAsync(packets[n % packets.Length], CancellationToken.None).ConfigureAwait(false);
                    ToSocket.Add(Stopwatch.GetElapsedTime(started));
                }
            }
            catch (OperationCanceledException)
            {
                // Done.
            }
        }

        private async Task ReceiveAsync()
        {
            // No token: a cancellable channel wait allocates each time. The loop ends when the conversation is disposed.
            long delta = 0;
            var place = 0;
            while (await channel.Audio.WaitToReadAsync().ConfigureAwait(false))
            {
                while (channel.Audio.TryRead(out var packet))
                {
                    var latency = Stopwatch.GetElapsedTime(packet.ArrivalTimestamp);
                    ToRoom.Add(latency);
                    if (packet.ArrivalTimestamp != delta)
                    {
                        delta = packet.ArrivalTimestamp;
                        place = 0;
                        FirstToRoom.Add(latency);
                    }

                    LateToRoom.Add(latency - TimeSpan.FromMilliseconds(20 * place++) is { Ticks: > 0 } late ? late : TimeSpan.Zero);

                    packet.Dispose();
                }
            }
        }
    }
}
