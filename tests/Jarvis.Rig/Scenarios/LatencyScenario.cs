using System.Diagnostics;
using Jarvis.PersonaPlex.Emulator;
using Jarvis.Rig.Audio;
using Jarvis.Rig.Household;
using Jarvis.Rig.Measure;

namespace Jarvis.Rig.Scenarios;

/// <summary>
/// One room talks: a wake phrase starts the conversation (the way given by <see cref="ConversationStart"/>), then short
/// phrases every <see cref="Spacing"/>; the direct client says the same phrases at the same times. Mouth-to-ear is the
/// time from the satellite reading a phrase's onset from its microphone to the first loud 10 ms of the echo reaching
/// its speaker file; for the direct client, from sending the frame with the onset to receiving the packet with the echo.
/// </summary>
public static class LatencyScenario
{
    public const double Level = -20;
    public static readonly TimeSpan Spacing = TimeSpan.FromSeconds(2.5);
    private const double ReplyThresholdDbfs = -45;

    private static readonly string[] Phrases =
        ["what time is it", "turn on the lights", "how warm is it", "play some music", "good morning", "tell me a joke"];

    public static HouseholdOptions Options(ConversationStart start, TimeSpan computeDelay) => new()
    {
        PersonaPlexMode = start == ConversationStart.OnDemand ? "OnDemand" : "Warm",
        RotateAfter = start == ConversationStart.Rotation ? TimeSpan.FromSeconds(6) : TimeSpan.FromHours(1),
        ComputeDelay = computeDelay,
    };

    /// <summary>Starts the conversation as <paramref name="start"/> says, then measures <paramref name="phrases"/> phrases.</summary>
    public static async Task<LatencyResult> RunAsync(Household.Household household, ConversationStart start, int phrases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        var room = household.Options.Rooms[0];
        await PrepareAsync(household, start, cancellationToken).ConfigureAwait(false);
        var since = household.Elapsed;
        var satellite = household.Satellites[room];
        var direct = household.Direct ?? throw new InvalidOperationException("the latency scenarios need the direct client");
        var wake = SpokenClip.Say("hey jarvis", Level);
        satellite.Say(wake, TimeSpan.FromMilliseconds(350));
        direct.Say(wake, TimeSpan.FromMilliseconds(350));
        await household.WaitAsync(async ct => (await household.ConversationRoomsAsync(ct).ConfigureAwait(false)).Contains(room),
            Household.Household.StartDeadline, $"a conversation in {room}", cancellationToken).ConfigureAwait(false);

        var said = new List<(Utterance Jarvis, Utterance Direct)>();
        for (var i = 0; i < phrases; i++)
        {
            var clip = SpokenClip.Say(Phrases[i % Phrases.Length], Level);
            var delay = Spacing * (i + 1);
            said.Add((satellite.Say(clip, delay), direct.Say(clip, delay)));
        }

        var last = said[^1];
        await household.WaitAsync(
            _ => Task.FromResult(satellite.MouthTime(last.Jarvis) is { } m && Stopwatch.GetElapsedTime(m) > Spacing &&
                direct.MouthTime(last.Direct) is { } d && Stopwatch.GetElapsedTime(d) > Spacing),
            Spacing * (phrases + 4), "every phrase was said and answered", cancellationToken).ConfigureAwait(false);

        var window = Spacing - TimeSpan.FromMilliseconds(300);
        var jarvis = new List<double>();
        var baseline = new List<double>();
        var missing = 0;
        foreach (var (throughJarvis, toDirect) in said)
        {
            missing += Measure(satellite.MouthTime(throughJarvis), m => satellite.EarTime(m, window, ReplyThresholdDbfs), jarvis);
            missing += Measure(direct.MouthTime(toDirect), m => direct.EarTime(m, window, ReplyThresholdDbfs), baseline);
        }

        var (p50, max) = household.Jitter.Summary(room, since);
        return new LatencyResult(start.ToString().ToLowerInvariant(), LatencySummary.Of(jarvis), LatencySummary.Of(baseline), missing,
            p50, max, household.Jitter.Timeline(room, since), LoadAverage.Now);
    }

    /// <summary>Milliseconds from each mouth time to its ear time, by the minute of the conversation they were said in.</summary>
    public static IReadOnlyList<double> Latencies(IEnumerable<(long? Mouth, long? Ear)> pairs) =>
        [.. pairs.Where(p => p.Mouth is not null && p.Ear is not null).Select(p => Stopwatch.GetElapsedTime(p.Mouth!.Value, p.Ear!.Value).TotalMilliseconds)];

    private static int Measure(long? mouth, Func<long, long?> ear, List<double> into)
    {
        if (mouth is { } m && ear(m) is { } e)
        {
            into.Add(Stopwatch.GetElapsedTime(m, e).TotalMilliseconds);
            return 0;
        }

        return 1;
    }

    private static async Task PrepareAsync(Household.Household household, ConversationStart start, CancellationToken cancellationToken)
    {
        var emulator = household.Emulator;
        switch (start)
        {
            case ConversationStart.Warm:
                await household.WaitWarmAsync(cancellationToken).ConfigureAwait(false);
                break;
            case ConversationStart.Prompt:
                await household.WaitWarmAsync(cancellationToken).ConfigureAwait(false);
                var sessions = emulator.Sessions.Count;
                var port = emulator.Port;
                await emulator.StopAsync().ConfigureAwait(false);
                await emulator.StartAsync(port, cancellationToken).ConfigureAwait(false);
                await household.WaitAsync(
                    _ => Task.FromResult(emulator.Sessions.Count > sessions && emulator.Sessions[^1].Phase == SessionPhase.PromptPhase),
                    Household.Household.StartDeadline, "the server reconnected and its new session is in the prompt phase", cancellationToken).ConfigureAwait(false);
                break;
            case ConversationStart.Rotation:
                await household.WaitWarmAsync(cancellationToken).ConfigureAwait(false);
                var before = emulator.Sessions.Count;
                await household.WaitAsync(_ => Task.FromResult(emulator.Sessions.Count > before),
                    Household.Household.StartDeadline, "the server rotated its idle session", cancellationToken).ConfigureAwait(false);
                break;
            case ConversationStart.OnDemand:
                break;
        }
    }
}
