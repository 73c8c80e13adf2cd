using System.Diagnostics;
using System.Globalization;
using Jarvis.Bench.Satellite;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Protocol.Opus;

namespace Jarvis.Bench.Hub;

/// <summary>
/// <c>-- harness hub-satellites --link URL --first I --count M --seconds S</c>: the streaming rooms of <c>hub-duplex</c>, in a
/// process of their own so that the server's CPU is measured alone. Each room talks in bursts (4 s of voice, 1 s of
/// silence, staggered), as a satellite's VAD gates it: <c>voice_activity</c> start, real Opus packets of speech-like audio
/// (20 ms frames joined into packets of the server's <c>welcome.wake_packet_ms</c>, as <c>jarvis-satellite</c> does on
/// the wake path; what is left at the end of a burst goes as a shorter packet), <c>voice_activity</c> stop. Prints "ready"
/// once every room is welcomed, "streaming" when audio starts, and a summary when it stops after S seconds; then, with
/// <c>--event-seconds E</c>, "events-only" and E seconds of the same voice events without audio (so that the server's cost
/// of the audio alone can be told from that of the events), and "events:" with their count; it disconnects when its
/// standard input closes.
/// </summary>
internal static class HubSatellitesHarness
{
    private const int TalkTicks = 200; // 4 s of 20 ms packets
    private const int CycleTicks = 250; // then 1 s of silence

    public static async Task<int> RunAsync(string[] args)
    {
        var link = new Uri(Text(args, "--link"));
        var first = Number(args, "--first", 1);
        var count = Number(args, "--count", 49);
        var seconds = Number(args, "--seconds", 20);
        var eventSeconds = Number(args, "--event-seconds", 0);
        var frames = EncodeSpeech();
        var clients = Enumerable.Range(first, count).Select(i => new BenchSatellite(HubDuplexHarness.RoomName(i), new LatencySamples(1))).ToArray();
        try
        {
            foreach (var chunk in clients.Chunk(20))
            {
                await Task.WhenAll(chunk.Select(c => c.ConnectAsync(link, BenchSecrets.TokenOf(c.Room))));
            }

            await Task.WhenAll(clients.Select(c => c.Welcomed)).WaitAsync(TimeSpan.FromSeconds(60));
            var speech = new WakePathSpeech(frames, clients[0].WakePacketMs / 20);
            Console.WriteLine("ready");
            Console.WriteLine("streaming");
            var (sent, packets, events, lateTicks, cpu) = await StreamAsync(clients, speech, TimeSpan.FromSeconds(seconds), audio: true);
            Console.WriteLine(FormattableString.Invariant($"satellites: {count} rooms sent {sent} voice frames of 20 ms in {packets} packets (wake_packet_ms {speech.Frames * 20}) and {events} voice events in {seconds} s, {lateTicks} ticks late by > 20 ms, client process CPU {cpu:0.0} % of one core"));
            if (eventSeconds > 0)
            {
                Console.WriteLine("events-only");
                var (_, _, eventsOnly, _, _) = await StreamAsync(clients, speech, TimeSpan.FromSeconds(eventSeconds), audio: false);
                Console.WriteLine(FormattableString.Invariant($"events: {eventsOnly} voice events without audio in {eventSeconds} s"));
            }

            await Console.In.ReadToEndAsync();
            return 0;
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    private static async Task<(long Sent, long Packets, long Events, int LateTicks, double CpuPercent)> StreamAsync(
        BenchSatellite[] clients, WakePathSpeech speech, TimeSpan duration, bool audio)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var sends = new Task[clients.Length];
        long sent = 0;
        long packets = 0;
        long events = 0;
        var late = 0;
        var tick = 0;
        var last = wall.Elapsed;
        while (wall.Elapsed < duration && await timer.WaitForNextTickAsync())
        {
            if ((wall.Elapsed - last).TotalMilliseconds > 40)
            {
                late++;
            }

            last = wall.Elapsed;
            for (var i = 0; i < clients.Length; i++)
            {
                var phase = (tick + (i * 37)) % CycleTicks;
                sent += audio && phase is > 0 and < TalkTicks ? 1 : 0;
                events += phase is 0 or TalkTicks ? 1 : 0;
                sends[i] = Step(clients[i], audio ? speech : null, phase, ref packets);
            }

            await Task.WhenAll(sends);
            tick++;
        }

        process.Refresh();
        return (sent, packets, events, late, (process.TotalProcessorTime - cpuBefore).TotalSeconds / wall.Elapsed.TotalSeconds * 100);
    }

    /// <summary>
    /// Phase 0: voice starts; 1 to 199: a frame each, a packet every <see cref="WakePathSpeech.Frames"/>; 200: the rest, voice
    /// stops. Without <paramref name="speech"/> only the voice events.
    /// </summary>
    private static Task Step(BenchSatellite client, WakePathSpeech? speech, int phase, ref long packets)
    {
        if (phase == 0)
        {
            return client.SendAsync(new VoiceActivityMessage(VoiceActivityState.Start, 0.9, Stopwatch.GetTimestamp() / 1000, -20));
        }

        if (phase == TalkTicks)
        {
            var stop = new VoiceActivityMessage(VoiceActivityState.Stop, 0.9, Stopwatch.GetTimestamp() / 1000, -20);
            if (speech?.Rest is not { } rest)
            {
                return client.SendAsync(stop);
            }

            packets++;
            return SendRestThenStop(client, rest, stop);
        }

        if (speech is null || phase > TalkTicks || phase % speech.Frames != 0)
        {
            return Task.CompletedTask;
        }

        packets++;
        return client.SendOpusAsync(speech.Packets[phase / speech.Frames % speech.Packets.Length]).AsTask();
    }

    private static async Task SendRestThenStop(BenchSatellite client, byte[] rest, VoiceActivityMessage stop)
    {
        await client.SendOpusAsync(rest);
        await client.SendAsync(stop);
    }

    /// <summary>The speech as the satellite sends it on the wake path: <paramref name="frames"/> 20 ms frames per packet.</summary>
    private sealed class WakePathSpeech
    {
        public WakePathSpeech(byte[][] single, int frames)
        {
            Frames = Math.Max(1, frames);
            Packets = single.Chunk(Frames).Where(c => c.Length == Frames).Select(Join).ToArray();
            var left = (TalkTicks - 1) % Frames;
            Rest = left == 0 ? null : Join(single[..left]);
        }

        public int Frames { get; }

        public byte[][] Packets { get; }

        /// <summary>The frames of a burst after its last full packet, sent as one shorter packet before the stop.</summary>
        public byte[]? Rest { get; }

        private static byte[] Join(byte[][] frames)
        {
            var joiner = new OpusPacketJoiner(frames.Length);
            foreach (var frame in frames)
            {
                joiner.Add(frame);
            }

            var packet = new byte[joiner.MaxPacketBytes];
            return packet[..joiner.Join(packet)];
        }
    }

    /// <summary>Four seconds of speech-like audio as 20 ms Opus packets (16 kHz, VOIP, 24 kbps), as a satellite sends.</summary>
    private static byte[][] EncodeSpeech()
    {
        var pcm = SpeechLikeSignal.Create(16000, 4);
        using var encoder = OpusFrameEncoder.Create(new OpusEncoderOptions());
        var packet = new byte[OpusFrameEncoder.MaxPacketSize];
        var frames = new List<byte[]>();
        for (var offset = 0; offset + encoder.FrameSamples <= pcm.Length; offset += encoder.FrameSamples)
        {
            var length = encoder.Encode(pcm.AsSpan(offset, encoder.FrameSamples), packet);
            frames.Add(packet[..length]);
        }

        return [.. frames];
    }

    private static string Text(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : throw new ArgumentException($"{name} is required");
    }

    private static int Number(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
