using Jarvis.Rig.Household;
using Xunit.Abstractions;

namespace Jarvis.Server.Tests.Rig;

/// <summary>
/// Issues 11 and 19 on the real-time rig: the user speaks over a long deep answer spoken by TTS in a duplex conversation;
/// the answer's audio stops at the satellite's speaker within 200 ms of the speech onset, and nothing of it plays later.
/// </summary>
[Collection(RigCollection.Name)]
[Trait("Category", "Rig")]
public sealed class RigBargeInTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Speaking_over_a_long_answer_stops_it_at_the_speaker_within_200_ms()
    {
        RigGate.SkipUnlessEnabled();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var scenario = await BargeInScenario.StartAsync();
        await using var household = await Household.StartAsync(scenario.Options(), timeout.Token);
        IReadOnlyList<(double? StopMs, double PlayedAfterMs)> results;
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
        Assert.All(results, r => Assert.True(r.StopMs is <= 200 && r.PlayedAfterMs == 0,
            $"The answer must stop within 200 ms of the speech onset and nothing of it play later: {summary} (load average {LoadAverage.Now})"));
    }
}
