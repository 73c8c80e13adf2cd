using Jarvis.Server.Conversation;

namespace Jarvis.Server.Tests.Conversation;

public sealed class PauseDetectorTests
{
    [Fact]
    public void A_pause_after_speech_is_reported_once_and_voice_rearms_it()
    {
        var detector = new PauseDetector(pauseFrames: 15);

        Assert.DoesNotContain(true, Feed(detector, Frame(-20), 20));
        Assert.Equal(14, Feed(detector, Frame(-200), 30).IndexOf(true));
        Assert.True(detector.InReportedPause);

        Assert.DoesNotContain(true, Feed(detector, Frame(-22), 5));
        Assert.False(detector.InReportedPause);
        Assert.Equal(14, Feed(detector, Frame(-200), 20).IndexOf(true));
    }

    [Fact]
    public void Less_than_200_ms_of_speech_is_no_command_to_pause_after()
    {
        var detector = new PauseDetector(pauseFrames: 15);

        Feed(detector, Frame(-20), 9);

        Assert.DoesNotContain(true, Feed(detector, Frame(-200), 50));
    }

    [Fact]
    public void The_residue_of_the_assistants_voice_far_below_the_talker_is_silence()
    {
        var detector = new PauseDetector(pauseFrames: 15);

        Feed(detector, Frame(-15), 20);

        // −45 dBFS after echo cancellation: above the absolute floor, 30 dB under the talker.
        Assert.Equal(14, Feed(detector, Frame(-45), 20).IndexOf(true));
    }

    [Fact]
    public void Off_reports_nothing()
    {
        var detector = new PauseDetector(pauseFrames: 0);

        Feed(detector, Frame(-20), 20);

        Assert.DoesNotContain(true, Feed(detector, Frame(-200), 100));
    }

    private static List<bool> Feed(PauseDetector detector, short[] frame, int count) =>
        Enumerable.Range(0, count).Select(_ => detector.Update(frame)).ToList();

    private static short[] Frame(double dbfs)
    {
        var amplitude = dbfs <= -200 ? 0 : Math.Pow(10, dbfs / 20) * 32768 * Math.Sqrt(2);
        return Enumerable.Range(0, 320).Select(i => (short)Math.Clamp(amplitude * Math.Sin(2 * Math.PI * 440 * i / 16000.0), short.MinValue, short.MaxValue)).ToArray();
    }
}
