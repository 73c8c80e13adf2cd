using Jarvis.Satellite.Vad;

namespace Jarvis.Satellite.Tests.Vad;

/// <summary>
/// The fast voice onset while the speaker plays (issue 19): three voiced frames (60 ms) start voice during playback, where
/// the window rule needs 40 % of 300 ms; in a quiet room, and on quiet or echo-dominated frames, only the window rule starts it.
/// </summary>
public sealed class BargeInOnsetTests
{
    private static readonly short[] Speech = Enumerable.Repeat((short)3000, 320).ToArray(); // −21 dBFS, voiced
    private static readonly short[] Whisper = Enumerable.Repeat((short)50, 320).ToArray(); // −56 dBFS, voiced
    private static readonly short[] Silent = new short[320];
    private static readonly short[] Answer = Enumerable.Repeat((short)4000, 320).ToArray(); // what the speaker plays
    private static readonly short[] LoudEcho = Enumerable.Repeat((short)20000, 320).ToArray(); // the microphone before the canceller

    private static VoiceActivityDetector Detector(int bargeInMilliseconds = 60) => new(
        new ScriptedVoiceClassifier(),
        new VadOptions { WindowMilliseconds = 300, StartScore = 0.4, HangoverMilliseconds = 800, BargeInOnsetMilliseconds = bargeInMilliseconds },
        20);

    [Fact]
    public void Speech_over_playback_starts_voice_on_its_third_voiced_frame()
    {
        var vad = Detector();
        Play(vad, 20);

        var changes = Enumerable.Range(0, 6).Select(_ => vad.Process(Speech, Speech, Answer)).ToList();

        Assert.Equal(2, changes.IndexOf(VoiceActivityChange.Started));
        Assert.True(vad.StartedOnBargeIn);
    }

    [Fact]
    public void Without_playback_the_window_rule_alone_starts_voice()
    {
        var vad = Detector();

        var changes = Enumerable.Range(0, 8).Select(_ => vad.Process(Speech, Speech, Silent)).ToList();

        Assert.Equal(5, changes.IndexOf(VoiceActivityChange.Started)); // 6 of 15 frames = 0.4
        Assert.False(vad.StartedOnBargeIn);
    }

    [Fact]
    public void Turned_off_the_window_rule_alone_starts_voice_during_playback()
    {
        var vad = Detector(bargeInMilliseconds: 0);
        Play(vad, 20);

        var changes = Enumerable.Range(0, 8).Select(_ => vad.Process(Speech, Speech, Answer)).ToList();

        Assert.Equal(5, changes.IndexOf(VoiceActivityChange.Started));
    }

    [Fact]
    public void The_onset_applies_for_a_second_after_the_last_audible_frame_played()
    {
        var early = Detector();
        Play(early, 20);
        for (var i = 0; i < 40; i++)
        {
            early.Process(Silent, Silent, Silent); // a pause between two sentences: 800 ms
        }

        var late = Detector();
        Play(late, 20);
        for (var i = 0; i < 50; i++)
        {
            late.Process(Silent, Silent, Silent); // 1 s after the answer ended
        }

        Assert.Equal(2, Enumerable.Range(0, 6).Select(_ => early.Process(Speech, Speech, Silent)).ToList().IndexOf(VoiceActivityChange.Started));
        Assert.Equal(5, Enumerable.Range(0, 6).Select(_ => late.Process(Speech, Speech, Silent)).ToList().IndexOf(VoiceActivityChange.Started));
    }

    [Fact]
    public void Quiet_voiced_frames_do_not_make_a_barge_in_onset()
    {
        var vad = Detector();
        Play(vad, 20);

        var changes = Enumerable.Range(0, 8).Select(_ => vad.Process(Whisper, Whisper, Answer)).ToList();

        Assert.Equal(5, changes.IndexOf(VoiceActivityChange.Started));
        Assert.False(vad.StartedOnBargeIn);
    }

    [Fact]
    public void Frames_the_echo_canceller_cut_by_more_than_the_margin_do_not_make_an_onset()
    {
        // 20000 → 3000 is 16.5 dB: counts with a 20 dB margin, not with a 10 dB one.
        var lenient = Detector();
        var strict = new VoiceActivityDetector(new ScriptedVoiceClassifier(),
            new VadOptions { WindowMilliseconds = 300, BargeInOnsetMilliseconds = 60, BargeInEchoMarginDb = 10 }, 20);
        Play(lenient, 20);
        Play(strict, 20);

        Assert.Equal(2, Enumerable.Range(0, 3).Select(_ => lenient.Process(Speech, LoudEcho, Answer)).ToList().IndexOf(VoiceActivityChange.Started));
        Assert.Equal(5, Enumerable.Range(0, 6).Select(_ => strict.Process(Speech, LoudEcho, Answer)).ToList().IndexOf(VoiceActivityChange.Started));
        Assert.False(strict.StartedOnBargeIn);
    }

    [Fact]
    public void An_unvoiced_frame_restarts_the_count()
    {
        var vad = Detector();
        Play(vad, 20);

        var changes = new[] { Speech, Speech, Silent, Speech, Speech, Speech }.Select(f => vad.Process(f, f, Answer)).ToList();

        Assert.Equal(5, changes.IndexOf(VoiceActivityChange.Started));
        Assert.True(vad.StartedOnBargeIn);
    }

    private static void Play(VoiceActivityDetector vad, int frames)
    {
        for (var i = 0; i < frames; i++)
        {
            Assert.Equal(VoiceActivityChange.None, vad.Process(Silent, Silent, Answer));
        }
    }
}
