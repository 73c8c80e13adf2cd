using Jarvis.Satellite.Aec;
using Jarvis.Satellite.Audio;
using Jarvis.Satellite.Audio.Scripted;
using Jarvis.Satellite.Hosting;
using Jarvis.Satellite.Leds;
using Jarvis.Satellite.Tests.Vad;
using Jarvis.Satellite.Uplink;
using Jarvis.Satellite.Vad;

namespace Jarvis.Satellite.Tests.Audio;

public sealed class CapturePipelineTests
{
    private readonly SatelliteStatus status = new(new LedController());
    private readonly SatelliteEvents events = new();
    private readonly RecordingUplink uplink = new();

    [Fact]
    public void Voice_start_sends_the_pre_roll_first_then_live_frames()
    {
        // 30 silent frames with distinct markers in sample 1, then 10 voiced frames.
        var script = Frames(Enumerable.Range(0, 30).Select(i => Frame(voiced: false, marker: (short)i))
            .Concat(Enumerable.Range(30, 10).Select(i => Frame(voiced: true, marker: (short)i))));

        Run(script);

        // Voice starts on the 4th voiced frame (33): the 20 frames (400 ms) before it go first, then live audio.
        var markers = uplink.Frames.Select(f => (int)f[1]).ToList();
        Assert.Equal(Enumerable.Range(13, 27), markers);
        Assert.All(uplink.InConversation, Assert.False); // the wake path: the uplink may join these frames
        var started = Events().Single(e => e.Kind == SatelliteEventKind.VoiceStarted);
        Assert.InRange(started.Score, 0.4, 1.0);
    }

    [Fact]
    public void Nothing_is_sent_in_silence_without_a_conversation()
    {
        Run(Frames(Enumerable.Range(0, 50).Select(i => Frame(false, 0))));

        Assert.Empty(uplink.Frames);
    }

    [Fact]
    public void A_conversation_streams_every_frame_even_in_silence()
    {
        status.SetConversationActive(true);

        Run(Frames(Enumerable.Range(0, 50).Select(i => Frame(false, 0))));

        Assert.Equal(50, uplink.Frames.Count);
        Assert.All(uplink.InConversation, Assert.True); // each goes at once
    }

    [Fact]
    public void Muted_microphone_audio_is_dropped_at_the_source()
    {
        status.SetConversationActive(true);
        status.SetMuted(true);

        Run(Frames(Enumerable.Range(0, 50).Select(i => Frame(true, 1))));

        Assert.Empty(uplink.Frames);
        Assert.DoesNotContain(Events(), e => e.Kind == SatelliteEventKind.VoiceStarted);
    }

    [Fact]
    public void Voice_stop_is_reported_after_the_hangover_with_a_score()
    {
        var script = Frames(Enumerable.Range(0, 20).Select(_ => Frame(true, 1)).Concat(Enumerable.Range(0, 60).Select(_ => Frame(false, 0))));

        Run(script);

        var stop = Events().Single(e => e.Kind == SatelliteEventKind.VoiceStopped);
        Assert.InRange(stop.Score, 0.1, 1.0);
        Assert.Equal(1, uplink.Ends);
    }

    [Fact]
    public void Voice_events_carry_the_speech_level_and_updates_follow_while_speaking()
    {
        var script = Frames(Enumerable.Range(0, 10).Select(_ => Frame(false, 0))
            .Concat(Enumerable.Range(0, 60).Select(_ => Level(1036)))
            .Concat(Enumerable.Range(0, 40).Select(_ => Frame(false, 0))));

        Run(script);

        var events = Events();
        var start = events.Single(e => e.Kind == SatelliteEventKind.VoiceStarted);
        var updates = events.Where(e => e.Kind == SatelliteEventKind.VoiceLevel).ToList();
        var stop = events.Single(e => e.Kind == SatelliteEventKind.VoiceStopped);
        Assert.InRange(start.LevelDbfs!.Value, -30.5, -29.5);
        Assert.InRange(updates.Count, 4, 8);
        Assert.All(updates, u => Assert.InRange(u.LevelDbfs!.Value, -30.5, -29.5));
        Assert.InRange(stop.LevelDbfs!.Value, -30.5, -29.5);
    }

    private static short[] Level(short amplitude) => Enumerable.Repeat(amplitude, 320).ToArray();

    private void Run(short[] script)
    {
        using var capture = new ScriptedAudioCapture(script, 16000, 320);
        var vad = new VoiceActivityDetector(new ScriptedVoiceClassifier(), new VadOptions { WindowMilliseconds = 200, HangoverMilliseconds = 400 }, 20);
        var pipeline = new CapturePipeline(capture, new PassThroughEchoCanceller(), new EchoReference(16000, 0), vad,
            new PreRollBuffer(320, 20), uplink, events, status, new MonotonicClock(TimeProvider.System));
        pipeline.Run(CancellationToken.None);
    }

    private List<SatelliteEvent> Events()
    {
        var list = new List<SatelliteEvent>();
        while (events.Reader.TryRead(out var e))
        {
            list.Add(e);
        }

        return list;
    }

    private static short[] Frame(bool voiced, short marker)
    {
        var frame = new short[320];
        frame[0] = voiced ? (short)1 : (short)0;
        frame[1] = marker;
        return frame;
    }

    private static short[] Frames(IEnumerable<short[]> frames) => frames.SelectMany(f => f).ToArray();

    private sealed class RecordingUplink : IVoiceUplink
    {
        public List<short[]> Frames { get; } = [];

        public List<bool> InConversation { get; } = [];

        public int Ends { get; private set; }

        public void SendFrame(ReadOnlySpan<short> pcm, bool inConversation)
        {
            Frames.Add(pcm.ToArray());
            InConversation.Add(inConversation);
        }

        public void EndOfStream() => Ends++;
    }
}
