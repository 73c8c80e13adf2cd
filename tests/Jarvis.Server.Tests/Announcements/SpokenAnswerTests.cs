using Jarvis.Server.Announcements;
using Jarvis.Server.Timers;

namespace Jarvis.Server.Tests.Announcements;

public sealed class SpokenAnswerTests
{
    [Theory]
    [InlineData("yes please", "yes")]
    [InlineData("Sure, go ahead.", "yes")]
    [InlineData("nope", "no")]
    [InlineData("no, not now", "no")]
    [InlineData("please don't", "no")]
    [InlineData("what did you say?", null)]
    public void Yes_and_no_are_read_from_short_answers(string said, string? answer) => Assert.Equal(answer, YesNo.Parse(said));

    [Theory]
    [InlineData("stop", true)]
    [InlineData("Jarvis, stop it.", true)]
    [InlineData("ok thanks", true)]
    [InlineData("stop the alarm please", true)]
    [InlineData("stop the music in the kitchen", false)]
    [InlineData("what's the weather", false)]
    public void Stop_words_alone_silence_a_ring(string said, bool stop) => Assert.Equal(stop, StopWords.IsStop(said));
}
