using Jarvis.Rig.Household;
using Xunit.Abstractions;

namespace Jarvis.Server.Tests.Rig;

/// <summary>
/// Issues 11 and 19 on the real-time rig: the user speaks over a long deep answer spoken by TTS, in a duplex and in a
/// pipeline conversation, with no request (the ASR hears nothing); the answer's audio stops at the satellite's speaker
/// within 200 ms of the speech onset, nothing of it plays later, and nothing is answered.
/// </summary>
[Collection(RigCollection.Name)]
[Trait("Category", "Rig")]
public sealed class RigBargeInTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("Duplex")]
    [InlineData("Pipeline")]
    public async Task Speaking_over_a_long_answer_stops_it_at_the_speaker_within_200_ms(string mode)
    {
        RigGate.SkipUnlessEnabled();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var scenario = await BargeInScenario.StartAsync(mode);
        await using var household = await Household.StartAsync(scenario.Options(), timeout.Token);
        IReadOnlyList<BargeInRound> results;
        try
        {
            results = await scenario.RunAsync(household, 3, timeout.Token);
        }
        finally
        {
            output.WriteLine(household.Diagnostics());
        }

        var summary = BargeInScenario.Summary(results);
        output.WriteLine(summary);
        Assert.All(results, r => Assert.True(r.StopMs is <= 200 && r.PlayedAfterMs == 0 && r.AnswersAfter == 0,
            $"The answer must stop within 200 ms of the speech onset, nothing of it play later and nothing be answered: {summary} (load average {LoadAverage.Now})"));
    }
}
