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
        foreach (var conversation in _slots.OfType<Conversation>())
        {
            var owner = Room(conversation.Room);
            string? challenger = null;
            if (owner.Speaking)
            {
                challenger = _rooms.Values
                    .Where(r => r.Speaking && r.CanConverse && FindConversation(r.Name) is null && ClearlyBetter(r, owner))
                    .OrderByDescending(r => r.LevelDbfs ?? double.NegativeInfinity)
                    .ThenByDescending(r => r.Score)
                    .ThenBy(r => r.Name, StringComparer.Ordinal)
                    .FirstOrDefault()?.Name;
            }

            conversation.Challenge(challenger, now);
        }
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

        foreach (var conversation in _slots.OfType<Conversation>())
        {
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
