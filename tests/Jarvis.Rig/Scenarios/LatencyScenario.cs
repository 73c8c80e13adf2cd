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
        var since = household.Elapsed;
        var said = await TalkAsync(household, start, phrases, cancellationToken).ConfigureAwait(false);
        return Summarize(household, start.ToString().ToLowerInvariant(), said, since, household.Elapsed);
    }

    /// <summary>One conversation of <paramref name="length"/>: its first minute and its last minute.</summary>
    public static async Task<(LatencyResult First, LatencyResult Last)> RunLongAsync(
        Household.Household household, ConversationStart start, TimeSpan length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        var since = household.Elapsed;
        var phrases = (int)(length / Spacing);
        var said = await TalkAsync(household, start, phrases, cancellationToken).ConfigureAwait(false);
        var minute = (int)(TimeSpan.FromMinutes(1) / Spacing);
        var end = household.Elapsed;
        var name = start.ToString().ToLowerInvariant();
        return (Summarize(household, name, said[..minute], since, since + TimeSpan.FromMinutes(1.2)),
            Summarize(household, name, said[^minute..], end - TimeSpan.FromMinutes(1.1), end));
    }

    private static LatencyResult Summarize(Household.Household household, string name, IReadOnlyList<Phrase> said, TimeSpan since, TimeSpan until)
    {
        var room = household.Options.Rooms[0];
        var (p50, max) = household.Jitter.Summary(room, since, until);
        return new LatencyResult(name,
            LatencySummary.Of(said.Where(p => p.Jarvis is not null).Select(p => p.Jarvis!.Ms)),
            LatencySummary.Of(said.Where(p => p.Direct is not null).Select(p => p.Direct!.Ms)),
            said.Count(p => p.Jarvis is null) + said.Count(p => p.Direct is null),
            p50, max, household.Jitter.Timeline(room, since, until), LoadAverage.Now)
        {
            JarvisStages = Stages.Summary([.. said.Select(p => p.Jarvis?.Stages).OfType<Stages>()]),
            DirectStages = Stages.Summary([.. said.Select(p => p.Direct?.Stages).OfType<Stages>()]),
            ArrivalJitterP50 = household.ArrivalJitter.Summary(room, since, until).P50,
            TargetTimeline = household.JitterTarget.Timeline(room, since, until),
            PhraseLines = [.. said.Select(p => p.ToString())],
        };
    }

    private static async Task<Phrase[]> TalkAsync(Household.Household household, ConversationStart start, int phrases, CancellationToken cancellationToken)
    {
        var room = household.Options.Rooms[0];
        await PrepareAsync(household, start, cancellationToken).ConfigureAwait(false);
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
            Spacing * (phrases + 8), "every phrase was said and answered", cancellationToken).ConfigureAwait(false);

        var window = Spacing - TimeSpan.FromMilliseconds(300);
        var played = satellite.Speaker.Samples();
        var directSessions = household.DirectEmulator?.Sessions ?? [];
        return [.. said.Select(p => new Phrase(
            Measure(satellite.MouthTime(p.Jarvis), m => satellite.EarTime(m, window, ReplyThresholdDbfs, played), household.Emulator.Sessions),
            Measure(direct.MouthTime(p.Direct), m => direct.EarTime(m, window, ReplyThresholdDbfs), directSessions),
            satellite.MouthTime(p.Jarvis) is { } mouth ? (household.Elapsed - Stopwatch.GetElapsedTime(mouth)).TotalSeconds : double.NaN,
            satellite.MouthTime(p.Jarvis) is { } from && household.Stalls is { } stalls
                ? stalls.Describe(from - (Stopwatch.Frequency / 10), from + (long)(Spacing.TotalSeconds * Stopwatch.Frequency))
                : ""))];
    }

    private static Heard? Measure(long? mouth, Func<long, long?> ear, IReadOnlyList<SessionRecord> sessions) =>
        mouth is { } m && ear(m) is { } e ? new Heard(Stopwatch.GetElapsedTime(m, e).TotalMilliseconds, Stages.Of(m, e, sessions)) : null;

    /// <summary>
    /// One phrase's mouth-to-ear through Jarvis and direct (null: no reply heard in time), said <paramref name="At"/> s into
    /// the run; the rig process's own stalls from its mouth time until the next phrase (<see cref="StallWatch"/>).
    /// </summary>
    private sealed record Phrase(Heard? Jarvis, Heard? Direct, double At, string RigStalls)
    {
        public override string ToString() =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{At:0.0}s: {Jarvis?.Ms.ToString("0", System.Globalization.CultureInfo.InvariantCulture) ?? "-"} ms ({Jarvis?.Stages}), " +
                $"direct {Direct?.Ms.ToString("0", System.Globalization.CultureInfo.InvariantCulture) ?? "-"} ms; the rig's own stalls meanwhile: {RigStalls}");
    }

    /// <summary>A reply heard: mouth-to-ear and where it went (null when the emulator's records do not show it).</summary>
    private sealed record Heard(double Ms, Stages? Stages);

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
