using System.Diagnostics;
using System.Globalization;
using Jarvis.Protocol.Link;
using Jarvis.Satellite.Aec;
using Jarvis.Satellite.Audio;
using Jarvis.Satellite.Audio.Scripted;
using Jarvis.Satellite.Hosting;
using Jarvis.Satellite.Leds;
using Jarvis.Satellite.Link;
using Jarvis.Satellite.Playback;
using Jarvis.Satellite.Uplink;
using Jarvis.Satellite.Vad;

namespace Jarvis.Bench.Satellite;

/// <summary>
/// <c>-- harness satellite-pipeline [seconds]</c>: the satellite's whole audio path at 16 kHz with scripted I/O on one
/// thread — capture → AEC (the default WebRTC engine with noise suppression) → VAD → Opus encode → link frame → (loopback as downlink) → link reader →
/// jitter buffer → Opus decode → volume → playback + echo reference — and reports CPU seconds per audio second,
/// allocations per frame in steady state and the process RSS.
/// </summary>
internal static class SatellitePipelineHarness
{
    private const int Rate = 16000;
    private const int Frame = 320;

    public static Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 120;
        var speech = SpeechLikeSignal.Create(Rate, 8);
        var status = new SatelliteStatus(new LedController());
        status.SetConnected(true);
        status.SetConversationActive(true);
        var clock = new MonotonicClock(TimeProvider.System);
        using var capture = new ScriptedAudioCapture(speech, Rate, Frame, loop: true);
        var playback = new DiscardingAudioPlayback(Rate, Frame);
        using var echo = new Jarvis.Satellite.Aec.WebRtc.WebRtcEchoCanceller(Rate, Frame, new EchoCancellerOptions());
        var reference = new EchoReference(Rate, 0);
        using var classifier = new WebRtcVoiceClassifier(Rate, 3);
        var vad = new VoiceActivityDetector(classifier, new VadOptions(), 20);
        using var uplink = new LinkUplink(Rate, 20, new LinkOptions(), clock);
        var outbox = new LinkOutbox();
        uplink.Attach(outbox);
        using var decoder = new OpusPacketDecoder(Rate);
        var jitter = new JitterBuffer(decoder, TimeProvider.System, new JitterBufferOptions());
        var events = new SatelliteEvents();
        var pipeline = new CapturePipeline(capture, echo, reference, vad, new PreRollBuffer(Frame, 20), uplink, events, status, clock);
        var player = new PlaybackPipeline(playback, jitter, new PlaybackVolume { Level = 0.8 }, reference);
        var reader = new LinkMessageReader(LinkPeer.Satellite);
        var downlink = new byte[LinkProtocol.MaxFrameBytes];

        void Step()
        {
            capture.ReadFrame(pipeline.MicBuffer, CancellationToken.None);
            pipeline.ProcessFrame();
            while (outbox.Reader.TryRead(out var sent))
            {
                Loopback(sent, downlink, reader, jitter);
                sent.Release();
            }

            while (events.Reader.TryRead(out _))
            {
            }

            player.PlayFrame(CancellationToken.None);
        }

        for (var i = 0; i < 500; i++)
        {
            Step();
        }

        var frames = seconds * Rate / Frame;
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var gcBefore = GC.CollectionCount(0);
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < frames; i++)
        {
            Step();
        }

        wall.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"satellite-pipeline: {seconds} s of 16 kHz audio ({frames} frames of 20 ms), Opus {(Jarvis.Protocol.Opus.OpusCodecInfo.Version)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  CPU {cpu:0.000} s → {cpu / seconds:0.0000} CPU-s per audio second ({100 * cpu / seconds:0.00} % of one core); wall {wall.Elapsed.TotalSeconds:0.00} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  allocations {allocated} B over {frames} frames = {(double)allocated / frames:0.0} B/frame; gen0 GCs {GC.CollectionCount(0) - gcBefore}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  RSS {process.WorkingSet64 / 1048576.0:0.0} MB, managed heap {GC.GetTotalMemory(false) / 1048576.0:0.0} MB; " +
            $"uplink frames {uplink.FramesSent}, downlink {jitter.Stats().Received}, lost {jitter.Stats().Lost}, played energy {(playback.Energy > 0 ? "yes" : "no")}"));
        return Task.FromResult(playback.Energy > 0 ? 0 : 1);
    }

    private static void Loopback(in OutgoingFrame sent, byte[] downlink, LinkMessageReader reader, JitterBuffer jitter)
    {
        if (sent.Buffer is null || AudioFrameCodec.TryRead(sent.Buffer.AsSpan(0, sent.Length), out var header, out var payload) != AudioFrameStatus.Ok)
        {
            return;
        }

        var length = AudioFrameCodec.Write(header with { Direction = StreamDirection.Downlink }, payload, downlink);
        var result = reader.Read(LinkFrameType.Binary, downlink.AsSpan(0, length));
        if (result.Kind == LinkReadKind.Audio)
        {
            jitter.Push(result.Audio.Sequence, result.Payload);
        }
    }
}
