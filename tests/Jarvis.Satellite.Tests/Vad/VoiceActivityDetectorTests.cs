using Jarvis.Satellite.Tests.Support;
using Jarvis.Satellite.Vad;

namespace Jarvis.Satellite.Tests.Vad;

public sealed class VoiceActivityDetectorTests
{
    private static readonly short[] Voiced = Enumerable.Repeat((short)1, 320).ToArray();
    private static readonly short[] Silent = new short[320];

    private static VoiceActivityDetector Detector() => new(
        new ScriptedVoiceClassifier(),
        new VadOptions { WindowMilliseconds = 200, StartScore = 0.4, HangoverMilliseconds = 400 },
        20);

    [Fact]
    public void Voice_starts_when_the_score_reaches_the_threshold()
    {
        var vad = Detector();
        var changes = Enumerable.Range(0, 4).Select(_ => vad.Process(Voiced)).ToList();

        Assert.Equal([VoiceActivityChange.None, VoiceActivityChange.None, VoiceActivityChange.None, VoiceActivityChange.Started], changes);
        Assert.Equal(0.4, vad.Score, 3);
    }

    [Fact]
    public void A_single_voiced_click_does_not_start_voice()
    {
        var vad = Detector();
        vad.Process(Voiced);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(VoiceActivityChange.None, vad.Process(Silent));
        }
    }

    [Fact]
    public void Voice_stops_after_the_hangover_with_the_utterance_score()
    {
        var vad = Detector();
        for (var i = 0; i < 10; i++)
        {
            vad.Process(Voiced);
        }

        var changes = Enumerable.Range(0, 20).Select(_ => vad.Process(Silent)).ToList();

        Assert.Equal(19, changes.IndexOf(VoiceActivityChange.Stopped));
        Assert.False(vad.IsActive);
        Assert.InRange(vad.UtteranceScore, 0.05, 1.0);
    }

    [Fact]
    public void Short_pauses_inside_speech_do_not_stop_voice()
    {
        var vad = Detector();
        for (var i = 0; i < 5; i++)
        {
            vad.Process(Voiced);
        }

        for (var round = 0; round < 5; round++)
        {
            for (var i = 0; i < 10; i++)
            {
                Assert.NotEqual(VoiceActivityChange.Stopped, vad.Process(Silent));
            }

            Assert.NotEqual(VoiceActivityChange.Stopped, vad.Process(Voiced));
        }

        Assert.True(vad.IsActive);
    }

    [Fact]
    public void WebRtc_vad_tells_speech_from_noise()
    {
        var dir = Directory.CreateTempSubdirectory("jarvis-vad-").FullName;
        try
        {
            var speech = SpeechFiles.Speak(dir, "speech", SpeechFiles.NearText);
            using var vad = new WebRtcVoiceClassifier(16000, 3);
            using var noiseVad = new WebRtcVoiceClassifier(16000, 3);
            var random = new Random(1);
            var noise = Enumerable.Range(0, 320 * 100).Select(_ => (short)random.Next(-100, 100)).ToArray();

            var speechVoiced = Frames(speech).Count(f => vad.IsVoiced(f));
            var noiseVoiced = Frames(noise).Count(f => noiseVad.IsVoiced(f));

            Assert.True(speechVoiced > Frames(speech).Count() / 2, $"{speechVoiced} voiced speech frames");
            Assert.True(noiseVoiced < 5, $"{noiseVoiced} voiced noise frames");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Pre_roll_keeps_the_last_frames_oldest_first()
    {
        var preRoll = new PreRollBuffer(320, 3);
        for (short i = 1; i <= 5; i++)
        {
            preRoll.Push(Enumerable.Repeat(i, 320).ToArray());
        }

        Assert.Equal(3, preRoll.Count);
        Assert.Equal([3, 4, 5], Enumerable.Range(0, 3).Select(i => (int)preRoll[i][0]));
    }

    private static IEnumerable<short[]> Frames(short[] samples) =>
        Enumerable.Range(0, samples.Length / 320).Select(i => samples.AsSpan(i * 320, 320).ToArray());
}
