using Jarvis.Server.HomeAssistant.Model;
using Jarvis.Server.Timers.Grammar;

namespace Jarvis.Server.Timers;

/// <summary>Which timers a <see cref="TimerSelector"/> means, as Home Assistant picks them.</summary>
public static class TimerSelection
{
    /// <summary>
    /// Every timer the selector fits: by name (or a room called so), area, and starting length. An empty selector means the
    /// speaker's room's timers when <paramref name="room"/> is given and it has some, else every timer.
    /// </summary>
    public static IReadOnlyList<RoomTimer> Matching(IReadOnlyList<RoomTimer> timers, TimerSelector selector, HomeSnapshot home, string? room = null)
    {
        var found = timers.Where(t =>
            (selector.Name is null || string.Equals(t.Name, selector.Name, StringComparison.OrdinalIgnoreCase) || SameRoom(t.Room, selector.Name, home))
            && (selector.AreaId is null || InArea(t.Room, selector.AreaId, home))
            && (selector.StartedFor is null || t.StartedFor.Length == selector.StartedFor.Length)).ToList();
        if (selector.IsAny && room is not null && found.Where(t => SameRoom(t.Room, room, home)).ToList() is { Count: > 0 } here)
        {
            return here;
        }

        return found;
    }

    /// <summary>The one timer meant: among those that fit, the speaker's room's first, then the one that ends first.</summary>
    public static RoomTimer? One(IReadOnlyList<RoomTimer> timers, TimerSelector selector, HomeSnapshot home, string room, DateTimeOffset now)
    {
        var found = Matching(timers, selector, home, room);
        return found.OrderBy(t => SameRoom(t.Room, room, home) ? 0 : 1).ThenBy(t => t.Left(now)).FirstOrDefault();
    }

    private static bool InArea(string timerRoom, string areaId, HomeSnapshot home) =>
        home.ResolveRoom(timerRoom)?.Id == areaId || string.Equals(timerRoom, areaId, StringComparison.OrdinalIgnoreCase);

    private static bool SameRoom(string timerRoom, string? room, HomeSnapshot home)
    {
        if (room is null)
        {
            return false;
        }

        var a = home.ResolveRoom(timerRoom)?.Id;
        return string.Equals(Squash(timerRoom), Squash(room), StringComparison.Ordinal) || (a is not null && a == home.ResolveRoom(room)?.Id);
    }

    private static string Squash(string text) => string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
