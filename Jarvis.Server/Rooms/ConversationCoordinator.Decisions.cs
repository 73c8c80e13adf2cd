namespace Jarvis.Server.Rooms;

/// <summary>The decisions themselves; always called with the gate held.</summary>
public sealed partial class ConversationCoordinator
{
    private ArbitrationRound OpenRound(DateTimeOffset now)
    {
        if (_round is null)
        {
            _round = new ArbitrationRound(now + _options.ArbitrationWindow);
            foreach (var claim in _remoteClaims.Where(c => c.At >= now - _options.ArbitrationWindow))
            {
                _round.Add(claim);
            }
        }

        return _round;
    }

    /// <summary>Runs everything that is due at <paramref name="now"/>, then arms the timer for the next deadline.</summary>
    private void Pump(DateTimeOffset now)
    {
        if (_round is not null && now >= _round.ClosesAt)
        {
            var round = _round;
            _round = null;
            CloseRound(round, now);
        }

        // Called on every voice event of every room: loops over the slots and the waiting list, nothing allocated.
        for (var slot = 0; slot < _slots.Length; slot++)
        {
            if (_slots[slot] is not { } conversation)
            {
                continue;
            }

            if (conversation.Challenger is { } challenger && now >= conversation.ChallengerSince + _options.FollowMeSustain)
            {
                Move(conversation, challenger, "follow me: the speaker is heard better there");
            }
            else if (now >= conversation.LastActivity + _options.QuietPeriod)
            {
                if (Room(conversation.Room).Speaking)
                {
                    conversation.Touch(now);
                }
                else
                {
                    End(conversation, $"quiet for {_options.QuietPeriod.TotalSeconds:0} s", RoomLed.Idle);
                }
            }
        }

        for (var i = 0; i < _waiting.Count;)
        {
            if (_waiting[i].Until > now)
            {
                i++;
                continue;
            }

            var room = _waiting[i].Room;
            _waiting.RemoveAt(i);
            Emit(new HubCommand(HubCommandKind.StandDown, room, Reason: "no PersonaPlex endpoint became free"));
            Emit(new HubCommand(HubCommandKind.Led, room, Led: RoomLed.Idle));
        }

        Reschedule(now);
    }

    private void CloseRound(ArbitrationRound round, DateTimeOffset now)
    {
        var winner = round.Best();
        if (winner is null)
        {
            return;
        }

        foreach (var loser in round.Candidates.Where(c => c.Local && c.Room != winner.Room && FindConversation(c.Room) is null))
        {
            Emit(new HubCommand(HubCommandKind.StandDown, loser.Room, Reason: $"{winner.Room} heard it better"));
            Emit(new HubCommand(HubCommandKind.Led, loser.Room, Led: RoomLed.Idle));
        }

        if (winner.Local)
        {
            Grant(winner, round.Contains, now);
        }

        // A move resets follow-me: compare the rooms with the new owner at once, not at their next level update.
        UpdateFollowMe(now);
    }

    /// <summary>
    /// Gives the winner the conversation: refresh its own; move a conversation whose room also heard this wake (the speaker
    /// walked); ignore the same wake heard late elsewhere; start one on a free slot; or wait for a slot.
    /// </summary>
    private void Grant(WakeCandidate winner, Func<string, bool> heardByOwnerOf, DateTimeOffset now)
    {
        if (FindConversation(winner.Room) is { } running)
        {
            running.Woken(now);
            return;
        }

        if (winner.Source != WakeSource.LongPress)
        {
            if (_slots.OfType<Conversation>().FirstOrDefault(c => heardByOwnerOf(c.Room)) is { } heardByActive)
            {
                // One wake, one room: the conversation's own room heard it too, less well.
                Move(heardByActive, winner.Room, "woken again in another room");
                heardByActive.Woken(now);
                return;
            }

            if (DuplicateOf(winner) is { } original)
            {
                // The same wake heard late in another room: never a second (or queued) conversation; follow-me moves
                // the conversation if the speaker really is here.
                Emit(new HubCommand(HubCommandKind.StandDown, winner.Room, Reason: $"the same wake as the conversation in {original.Room}"));
                Emit(new HubCommand(HubCommandKind.Led, winner.Room, Led: RoomLed.Idle));
                return;
            }
        }

        var free = Array.FindIndex(_slots, c => c is null);
        if (free >= 0)
        {
            Start(free, winner.Room, now, winner.LevelDbfs is { } level
                ? $"{winner.Source}, level {level:0.0} dBFS"
                : $"{winner.Source}, score {winner.Score:0.00}");
            return;
        }

        _waiting.RemoveAll(w => w.Room == winner.Room);
        _waiting.Add((winner.Room, now + _options.WaitForEndpoint));
        Emit(new HubCommand(HubCommandKind.Led, winner.Room, Led: RoomLed.Waiting));
    }

    /// <summary>A conversation woken so recently that a wake elsewhere is that same wake heard late.</summary>
    private Conversation? DuplicateOf(WakeCandidate wake) =>
        _slots.OfType<Conversation>().FirstOrDefault(c => wake.At - c.WokenAt <= _options.DuplicateWakeWindow);

    private void Start(int slot, string room, DateTimeOffset now, string reason)
    {
        _waiting.RemoveAll(w => w.Room == room);
        _slots[slot] = new Conversation(slot, room, now);
        Emit(new HubCommand(HubCommandKind.Start, room, slot, Reason: reason));
        Emit(new HubCommand(HubCommandKind.Led, room, Led: RoomLed.Listening));
    }

    private void Move(Conversation conversation, string room, string reason)
    {
        var from = conversation.Room;
        var now = _time.GetUtcNow();
        conversation.Room = room;
        conversation.Touch(now);
        conversation.Challenge(null, now);
        _waiting.RemoveAll(w => w.Room == room);
        Emit(new HubCommand(HubCommandKind.Move, room, conversation.Slot, FromRoom: from, Reason: reason));
        Emit(new HubCommand(HubCommandKind.Flush, from, State: true, Reason: reason));
        Emit(new HubCommand(HubCommandKind.StandDown, from, Reason: reason));
        Emit(new HubCommand(HubCommandKind.Led, from, Led: RoomLed.Idle));
        Emit(new HubCommand(HubCommandKind.Led, room, Led: RoomLed.Listening));
    }

    private void End(Conversation conversation, string reason, RoomLed led)
    {
        _slots[conversation.Slot] = null;
        MarkActive(_time.GetUtcNow());
        Emit(new HubCommand(HubCommandKind.Flush, conversation.Room, Reason: reason));
        Emit(new HubCommand(HubCommandKind.End, conversation.Room, conversation.Slot, Reason: reason));
        Emit(new HubCommand(HubCommandKind.Led, conversation.Room, Led: led));

        var now = _time.GetUtcNow();
        var next = _waiting.FirstOrDefault(w => w.Until > now && Room(w.Room).CanConverse);
        if (next.Room is not null)
        {
            Start(conversation.Slot, next.Room, now, "an endpoint became free");
        }
    }

    /// <summary>A room that can no longer converse leaves its conversation, the waiting list and the current round.</summary>
    private void Withdraw(string room, DateTimeOffset now, string reason)
    {
        _waiting.RemoveAll(w => w.Room == room);
        if (_round?.Remove(room) == true)
        {
            Emit(new HubCommand(HubCommandKind.StandDown, room, Reason: reason));
        }

        if (FindConversation(room) is { } conversation)
        {
            End(conversation, reason, RoomLed.Idle);
        }

        UpdateFollowMe(now);
    }
}
