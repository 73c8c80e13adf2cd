using Jarvis.Rig.Household;
using Jarvis.Rig.Scenarios;
using Xunit.Abstractions;

namespace Jarvis.Server.Tests.Rig;

/// <summary>
/// Issue 10's acceptance on the real-time rig (docs/realtime-rig.md): the real server and satellite processes, the
/// microphone fed and the speaker recorded at real time, PersonaPlex emulated in echo mode. Mouth-to-ear through Jarvis
/// minus the direct client's in the same run: p95 ≤ 120 ms, however the conversation started.
/// </summary>
[Collection(RigCollection.Name)]
[Trait("Category", "Rig")]
public sealed class RigLatencyTests(ITestOutputHelper output)
{
    private const int Phrases = 5;

    /// <summary>Issue 10's acceptance with <c>JARVIS_RIG=1</c>; in CI (a loaded machine, 5 phrases: p95 is the max) a bound
    /// that still fails on the bugs the rig found (a second of queued audio, an unbounded jitter buffer).</summary>
    private static readonly double AllowedP95Milliseconds = RigGate.Choose(120, 300);

    /// <summary>Replies that may be missed: none with the rig enabled, one on a loaded CI machine.</summary>
    private static readonly int AllowedMissing = RigGate.Choose(0, 1);

    [SkippableTheory]
    [InlineData(ConversationStart.Warm, 0)]
    [InlineData(ConversationStart.Prompt, 0)]
    [InlineData(ConversationStart.Rotation, 0)]
    [InlineData(ConversationStart.OnDemand, 0)]
    [InlineData(ConversationStart.Warm, 60)]
    [InlineData(ConversationStart.Prompt, 60)]
    public async Task Mouth_to_ear_through_Jarvis_is_within_120_ms_of_the_direct_client(ConversationStart start, int computeMilliseconds)
    {
        // CI runs the warm and the prompt-phase starts (the prompt phase is where the burst of queued audio was).
        RigGate.SkipUnlessEnabledOr(computeMilliseconds == 0 && start is ConversationStart.Warm or ConversationStart.Prompt);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var household = await Household.StartAsync(
            LatencyScenario.Options(start, TimeSpan.FromMilliseconds(computeMilliseconds)), timeout.Token);
        LatencyResult result;
        try
        {
            result = await LatencyScenario.RunAsync(household, start, Phrases, timeout.Token);
        }
        finally
        {
            output.WriteLine(household.Diagnostics());
        }

        output.WriteLine($"{result} (model time {computeMilliseconds} ms per frame)");
        output.WriteLine($"jitter buffer (s:ms): {result.JitterTimeline}");
        output.WriteLine($"its target (s:ms): {result.TargetTimeline}");
        output.WriteLine($"each phrase:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", result.PhraseLines)}");
        Assert.True(result.Missing <= AllowedMissing, $"{result.Missing} phrases got no reply in time (allowed {AllowedMissing}): {result}");
        Assert.True(result.DifferenceP95 <= AllowedP95Milliseconds,
            $"Mouth-to-ear through Jarvis is {result.DifferenceP95:0} ms above the direct client at p95 (allowed {AllowedP95Milliseconds} ms), " +
            $"conversation started {start}, model time {computeMilliseconds} ms: {result}; jitter buffer (s:ms) {result.JitterTimeline}; " +
            $"each phrase: {string.Join(" | ", result.PhraseLines)}");
    }
}
