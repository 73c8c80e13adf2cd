using System.Diagnostics;
using Jarvis.Rig.Audio;
using Jarvis.Rig.Household;

namespace Jarvis.Rig.Scenarios;

/// <summary>
/// Several rooms hear one speaker: which room gets the conversation (arbitration by level, whatever the arrival order
/// and the names), whether it follows the speaker (follow-me), and whether a late duplicate wake starts anything.
/// </summary>
public static class RoomScenarios
{
    public static HouseholdOptions Options(IReadOnlyList<string> rooms, IReadOnlyDictionary<string, string>? settings = null) => new()
    {
        Rooms = rooms,
        Direct = false,
        RotateAfter = TimeSpan.FromHours(1),
        ServerSettings = settings ?? new Dictionary<string, string>(),
    };

    /// <summary>Says the wake phrase in every room as <paramref name="voices"/> say; returns the rooms given the conversation.</summary>
    public static async Task<IReadOnlyList<string>> ArbitrateAsync(Household.Household household, IReadOnlyList<Voice> voices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(voices);
        await household.WaitWarmAsync(cancellationToken).ConfigureAwait(false);
        foreach (var voice in voices)
        {
            household.Satellites[voice.Room].Say(SpokenClip.Say("hey jarvis, what time is it", voice.LevelDbfs), TimeSpan.FromMilliseconds(500) + voice.Offset);
        }

        IReadOnlyList<string> rooms = [];
        await household.WaitAsync(async ct => (rooms = await household.ConversationRoomsAsync(ct).ConfigureAwait(false)).Count > 0,
            Household.Household.StartDeadline, "a conversation starts", cancellationToken).ConfigureAwait(false);
        return rooms;
    }

    /// <summary>
    /// A conversation in <paramref name="owner"/>, then the speaker talks for ~6 s heard by both rooms, <paramref name="other"/>
    /// louder by <paramref name="differenceDb"/>. Returns the room holding the conversation at the end (and the moves seen).
    /// </summary>
    public static async Task<(string? Room, IReadOnlyList<string> Seen)> FollowMeAsync(
        Household.Household household, string owner, string other, double differenceDb, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        var started = await ArbitrateAsync(household, [new Voice(owner, -20, TimeSpan.Zero)], cancellationToken).ConfigureAwait(false);
        if (!started.SequenceEqual([owner]))
        {
            throw new InvalidOperationException($"the conversation started in {string.Join(", ", started)}, not {owner}");
        }

        // Past the duplicate-wake window (3 s) so that the other room's speech is the speaker moving, not a late wake.
        var speech = SpokenClip.Say("I am walking over to the other room now, and I would like you to keep talking to me while I go there", -30);
        var louder = SpokenClip.Say("I am walking over to the other room now, and I would like you to keep talking to me while I go there", -30 + differenceDb);
        var delay = TimeSpan.FromSeconds(3.5);
        household.Satellites[owner].Say(speech, delay);
        var utterance = household.Satellites[other].Say(louder, delay);
        var seen = new List<string>();
        await household.WaitAsync(async ct =>
        {
            var now = await household.ConversationRoomsAsync(ct).ConfigureAwait(false);
            var label = now.Count == 0 ? "(none)" : string.Join('+', now);
            if (seen.Count == 0 || seen[^1] != label)
            {
                seen.Add(label);
            }

            return household.Satellites[other].MouthTime(utterance) is { } m &&
                Stopwatch.GetElapsedTime(m) > TimeSpan.FromSeconds(louder.Length / 16000.0) + TimeSpan.FromSeconds(1.5);
        }, TimeSpan.FromSeconds(60), "the speaker has talked in both rooms", cancellationToken).ConfigureAwait(false);
        var end = await household.ConversationRoomsAsync(cancellationToken).ConfigureAwait(false);
        return (end.Count == 1 ? end[0] : null, seen);
    }

    /// <summary>
    /// The wake phrase in <paramref name="first"/>, the same heard in <paramref name="late"/> 1.5 s later and 8 dB lower;
    /// watches until the conversation has ended and <paramref name="watch"/> more has passed. Returns every room that
    /// held a conversation and every room that waited for one.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Conversations, IReadOnlyList<string> Waiting)> DuplicateWakeAsync(
        Household.Household household, string first, string late, TimeSpan watch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        await household.WaitWarmAsync(cancellationToken).ConfigureAwait(false);
        household.Satellites[first].Say(SpokenClip.Say("hey jarvis", -20), TimeSpan.FromMilliseconds(500));
        household.Satellites[late].Say(SpokenClip.Say("hey jarvis", -28), TimeSpan.FromMilliseconds(2000));
        var conversations = new HashSet<string>();
        var waiting = new HashSet<string>();
        var endedAt = (long?)null;
        await household.WaitAsync(async ct =>
        {
            var now = await household.ConversationRoomsAsync(ct).ConfigureAwait(false);
            conversations.UnionWith(now);
            waiting.UnionWith(await household.WaitingRoomsAsync(ct).ConfigureAwait(false));
            if (conversations.Count > 0 && now.Count == 0)
            {
                endedAt ??= Stopwatch.GetTimestamp();
            }

            return endedAt is { } e && Stopwatch.GetElapsedTime(e) > watch;
        }, TimeSpan.FromSeconds(90), "the conversation ended and the watch passed", cancellationToken).ConfigureAwait(false);
        return ([.. conversations.Order(StringComparer.Ordinal)], [.. waiting.Order(StringComparer.Ordinal)]);
    }

    /// <summary>The arbitration cases of the harness (2 and, with <paramref name="rooms"/> ≥ 3, 3 rooms), one line each.</summary>
    public static async Task<IReadOnlyList<string>> ArbitrationTableAsync(int rooms, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        foreach (var (expected, voices) in ArbitrationCases(rooms))
        {
            await using var household = await Household.Household.StartAsync(Options([.. voices.Select(v => v.Room)]), cancellationToken).ConfigureAwait(false);
            var won = await ArbitrateAsync(household, voices, cancellationToken).ConfigureAwait(false);
            var heard = string.Join(", ", voices.Select(v => $"{v.Room} {v.LevelDbfs:0} dB +{v.Offset.TotalMilliseconds:0} ms"));
            lines.Add($"rooms: {heard} → {string.Join('+', won)} ({(won.SequenceEqual([expected]) ? "ok" : $"WRONG, expected {expected}")}), load {LoadAverage.Now}");
        }

        return lines;
    }

    /// <summary>Follow-me at 12 dB (moves) and 3 dB (stays), one line each.</summary>
    public static async Task<IReadOnlyList<string>> FollowMeTableAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        foreach (var (difference, expected) in new[] { (12.0, "office"), (3.0, "kitchen") })
        {
            await using var household = await Household.Household.StartAsync(Options(["kitchen", "office"]), cancellationToken).ConfigureAwait(false);
            var (room, seen) = await FollowMeAsync(household, "kitchen", "office", difference, cancellationToken).ConfigureAwait(false);
            lines.Add($"follow-me: office {difference:0} dB louder → {room ?? "(none)"} (seen {string.Join(" → ", seen)}; {(room == expected ? "ok" : $"WRONG, expected {expected}")}), load {LoadAverage.Now}");
        }

        return lines;
    }

    /// <summary>The louder room first and last in arrival, with names sorting either way; three rooms when asked.</summary>
    public static IEnumerable<(string Expected, Voice[] Voices)> ArbitrationCases(int rooms)
    {
        static TimeSpan ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
        yield return ("living", [new Voice("kitchen", -30, TimeSpan.Zero), new Voice("living", -20, ms(60))]);
        yield return ("attic", [new Voice("zoo", -30, TimeSpan.Zero), new Voice("attic", -20, ms(120))]);
        yield return ("zoo", [new Voice("zoo", -20, TimeSpan.Zero), new Voice("attic", -27, ms(60))]);
        if (rooms >= 3)
        {
            yield return ("office", [new Voice("hall", -32, TimeSpan.Zero), new Voice("bath", -27, ms(50)), new Voice("office", -20, ms(120))]);
        }
    }
}
