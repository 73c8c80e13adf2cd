namespace Jarvis.Server.Rooms;

/// <summary>Read-only views of the hub's state (status page, audio path, link).</summary>
public sealed partial class ConversationCoordinator
{
    /// <summary>The room's current mute state (false for a room never seen).</summary>
    public bool IsMuted(string room)
    {
        lock (_gate)
        {
            return _rooms.TryGetValue(room, out var presence) && presence.Muted;
        }
    }

    /// <summary>True while the room owns a conversation (allocation-free: called per audio packet).</summary>
    public bool IsConversing(string room)
    {
        lock (_gate)
        {
            foreach (var conversation in _slots)
            {
                if (conversation?.Room == room)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The room that owns the conversation on a slot, or null.</summary>
    public string? ActiveRoom(int slot)
    {
        lock (_gate)
        {
            return _slots[slot]?.Room;
        }
    }

    public IReadOnlyList<ConversationSnapshot> Conversations()
    {
        lock (_gate)
        {
            return _slots.OfType<Conversation>()
                .Select(c => new ConversationSnapshot(c.Slot, c.Room, c.StartedAt, c.LastActivity))
                .ToArray();
        }
    }

    public IReadOnlyList<RoomSnapshot> Rooms()
    {
        lock (_gate)
        {
            return _rooms.Values
                .OrderBy(r => r.Name, StringComparer.Ordinal)
                .Select(r => new RoomSnapshot(r.Name, r.Online, r.Muted, r.Speaking, r.Score,
                    FindConversation(r.Name)?.Slot, _waiting.Exists(w => w.Room == r.Name)))
                .ToArray();
        }
    }
}
