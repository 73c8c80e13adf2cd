using Jarvis.Server.HomeAssistant.Intents.Evaluation;
using Jarvis.Server.HomeAssistant.Model;
using Jarvis.Server.Tests.HomeAssistant.Emulator;
using Jarvis.Server.Timers.Grammar;

namespace Jarvis.Server.Tests.Timers;

public sealed class TimerGrammarTests
{
    private static readonly HomeSnapshot Home = FixtureHome.Load(CorpusPaths.Fixtures).Registries;

    [Fact]
    public void Timer_corpus_is_understood_at_least_97_percent()
    {
        var evaluation = IntentEvaluation.Run(Home, CorpusCase.ReadJsonLines(CorpusPaths.TimersDev).ToList());

        Assert.True(evaluation.Accuracy >= 0.97, IntentsCommand.Report(evaluation));
    }

    [Theory]
    [InlineData("set a timer for twenty minutes", TimerIntents.Start, 0, 20, 0)]
    [InlineData("start an hour and a half timer", TimerIntents.Start, 1, 30, 0)]
    [InlineData("timer for two minutes and thirty seconds please", TimerIntents.Start, 0, 2, 30)]
    [InlineData("put ten more minutes on the timer", TimerIntents.Increase, 0, 10, 0)]
    [InlineData("take a minute off the timer", TimerIntents.Decrease, 0, 1, 0)]
    public void Durations_in_words_are_read(string sentence, string intent, int hours, int minutes, int seconds)
    {
        var match = TimerGrammar.Match(sentence, Home);

        Assert.NotNull(match);
        Assert.Equal(intent, match.Intent);
        Assert.Equal(new SpokenDuration(hours, minutes, seconds), match.Duration);
    }

    [Fact]
    public void A_named_timer_with_two_words_keeps_both()
    {
        var match = TimerGrammar.Match("set a 20 minute timer for the chocolate cake", Home);

        Assert.Equal("chocolate cake", match?.Selector.Name);
    }

    [Theory]
    [InlineData("broadcast dinner is ready", "dinner is ready")]
    [InlineData("announce to everyone that the car is here.", "the car is here")]
    [InlineData("tell everyone it's time for bed", "it's time for bed")]
    public void Broadcasts_keep_the_message_as_said(string sentence, string message)
    {
        var match = TimerGrammar.Match(sentence, Home);

        Assert.Equal(TimerIntents.Broadcast, match?.Intent);
        Assert.Equal(message, match?.Message);
    }

    [Theory]
    [InlineData("turn on the kitchen lights")]
    [InlineData("what time is it")]
    [InlineData("how long is the drive to Paris")]
    [InlineData("stop")]
    public void Sentences_without_a_timer_are_left_to_the_home_rules(string sentence)
    {
        Assert.Null(TimerGrammar.Match(sentence, Home));
    }
}
