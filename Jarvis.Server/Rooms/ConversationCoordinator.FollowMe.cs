namespace Jarvis.Server.Rooms;

/// <summary>Follow-me tracking and the single timer that drives every deadline; always called with the gate held.</summary>
public sealed partial class ConversationCoordinator
{
    /// <summary>
    /// For each conversation, the free room that hears the speaker clearly better than the owner right now: louder by the
    /// dB margin when both measure the level, else better by the score margin. The loudest such room is the challenger.
    /// </summary>
    private void UpdateFollowMe(DateTimeOffset now)
    {
        foreach (var conversation in _slots)
        {
            if (conversation is null)
            {
                continue;
            }

            var owner = Room(conversation.Room);
            RoomPresence? challenger = null;
            if (owner.Speaking)
            {
                // A loop rather than LINQ: this runs on every voice event of every room (hundreds of rooms at a party).
                foreach (var room in _rooms.Values)
                {
                    if (room.Speaking && room.CanConverse && ClearlyBetter(room, owner) && FindConversation(room.Name) is null
                        && (challenger is null || Louder(room, challenger)))
                    {
                        challenger = room;
                    }
                }
            }

            conversation.Challenge(challenger?.Name, now);
        }
    }

    /// <summary>The challenger order: louder level first (no level counts as the quietest), then higher score, then name.</summary>
    private static bool Louder(RoomPresence room, RoomPresence than)
    {
        var level = room.LevelDbfs ?? double.NegativeInfinity;
        var thanLevel = than.LevelDbfs ?? double.NegativeInfinity;
        if (level != thanLevel)
        {
            return level > thanLevel;
        }

        return room.Score != than.Score ? room.Score > than.Score : string.CompareOrdinal(room.Name, than.Name) < 0;
    }

    private bool ClearlyBetter(RoomPresence room, RoomPresence owner) =>
        room.LevelDbfs is { } level && owner.LevelDbfs is { } ownerLevel
            ? level >= ownerLevel + _options.FollowMeMarginDb
            : room.Score >= owner.Score + _options.FollowMeMargin;

    private void Reschedule(DateTimeOffset now)
    {
        var next = DateTimeOffset.MaxValue;
        if (_round is not null)
        {
            next = _round.ClosesAt;
        }

        foreach (var conversation in _slots)
        {
            if (conversation is null)
            {
                continue;
            }

            var due = conversation.Challenger is null
                ? conversation.LastActivity + _options.QuietPeriod
                : conversation.ChallengerSince + _options.FollowMeSustain;
            next = due < next ? due : next;
        }

        foreach (var (_, until) in _waiting)
        {
            next = until < next ? until : next;
        }

        var dueIn = next == DateTimeOffset.MaxValue ? Timeout.InfiniteTimeSpan : next - now;
        if (dueIn != Timeout.InfiniteTimeSpan && dueIn < TimeSpan.FromMilliseconds(1))
        {
            dueIn = TimeSpan.FromMilliseconds(1);
        }

        _timer.Change(dueIn, Timeout.InfiniteTimeSpan);
    }
}
