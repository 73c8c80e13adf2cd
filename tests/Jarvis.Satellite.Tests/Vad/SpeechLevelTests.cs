using Jarvis.Satellite.Vad;

namespace Jarvis.Satellite.Tests.Vad;

public sealed class SpeechLevelTests
{
    [Fact]
    public void The_onset_level_is_the_level_of_the_voiced_frames_before_voice_start()
    {
        var vad = new VoiceActivityDetector(new ScriptedVoiceClassifier(), new VadOptions(), 20);
        var changes = new List<VoiceActivityChange>();
        for (var i = 0; i < 20; i++)
        {
            changes.Add(vad.Process(Frame(0)));
        }

        double? onset = null;
        for (var i = 0; i < 10 && onset is null; i++)
        {
            if (vad.Process(Frame(3277)) == VoiceActivityChange.Started)
            {
                onset = vad.Level.RecentDbfs;
            }
        }

        Assert.NotNull(onset);
        Assert.InRange(onset.Value, -20.5, -19.5);
    }

    [Fact]
    public void While_speaking_a_level_update_is_due_every_250_ms_and_follows_the_voice()
    {
        var vad = new VoiceActivityDetector(new ScriptedVoiceClassifier(), new VadOptions(), 20);
        var updates = new List<(int Frame, double Level)>();
        for (var i = 0; i < 100; i++)
        {
            var amplitude = i < 50 ? (short)3277 : (short)1638;
            if (vad.Process(Frame(amplitude)) == VoiceActivityChange.Level)
            {
                updates.Add((i, vad.Level.RecentDbfs));
            }
        }

        Assert.Equal(Enumerable.Range(0, updates.Count).Select(k => updates[0].Frame + (12 * k)), updates.Select(u => u.Frame));
        Assert.True(updates.Count >= 7);
        Assert.InRange(updates.First().Level, -20.5, -19.5);
        Assert.InRange(updates.Last().Level, -26.5, -25.5);
        Assert.InRange(vad.Level.UtteranceDbfs, -24, -21);
    }

    [Fact]
    public void The_level_counts_voiced_frames_only()
    {
        var meter = new SpeechLevelMeter(15);
        for (var i = 0; i < 15; i++)
        {
            meter.Add(i % 3 == 0 ? Frame(3277) : Frame(30), isVoiced: i % 3 == 0);
        }

        Assert.InRange(meter.RecentDbfs, -20.5, -19.5);
        meter.Reset();
        Assert.Equal(Jarvis.Satellite.Audio.PcmLevel.SilenceDbfs, meter.RecentDbfs);
    }

    private static short[] Frame(short amplitude) => Enumerable.Repeat(amplitude, 320).ToArray();
}
