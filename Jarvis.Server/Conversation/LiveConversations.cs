using Jarvis.Server.Satellites;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Conversation;

/// <summary>
/// The live conversations by slot: the only map of slot → conversation (and so → room) outside the coordinator. Written by
/// <see cref="Conversations"/> (the hub sink that creates, moves and ends them); read by whatever plays to a room (timers,
/// announcements) and by the status page. Depends on no answering service, so that those can depend on it.
/// </summary>
public sealed class LiveConversations(SatelliteRoomAudio roomAudio, IOptions<Rooms.RoomsOptions> rooms)
{
    private readonly LiveConversation?[] _slots = new LiveConversation?[rooms.Value.Slots];

    public int Slots => _slots.Length;

    /// <summary>The mode of the room's conversation; null when the room has none.</summary>
    public TurnMode? ModeIn(string room) => In(room)?.Mode;

    /// <summary>Room → mode of every conversation (<c>duplex</c>, <c>pipeline</c>), for <c>/api/status</c>.</summary>
    public IReadOnlyDictionary<string, string> Modes()
    {
        var modes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var conversation in _slots)
        {
            if (conversation is not null)
            {
                modes[conversation.Room] = conversation.Mode.ToString().ToLowerInvariant();
            }
        }

        return modes;
    }

    /// <summary>
    /// Cuts (or restores) PersonaPlex's audio in the room's conversation: the satellite is flushed at once and PersonaPlex keeps
    /// being clocked. False when the room has no conversation on PersonaPlex.
    /// </summary>
    public bool CutModelAudio(string room, bool cut) => In(room)?.CutModelAudio(cut) ?? false;

    /// <summary>
    /// The room's audio for something played to it (an announcement, a timer's ring): inside a duplex conversation its first
    /// flush cuts PersonaPlex, and disposing it gives the room back.
    /// </summary>
    public HandoffAudioSink AudioFor(string room) => In(room)?.AudioSink() ?? new HandoffAudioSink(roomAudio.For(room), null);

    internal LiveConversation? In(string room)
    {
        foreach (var conversation in _slots)
        {
            if (conversation is not null && conversation.Room == room)
            {
                return conversation;
            }
        }

        return null;
    }

    internal LiveConversation? At(int slot) => _slots[slot];

    internal void Set(int slot, LiveConversation conversation) => _slots[slot] = conversation;

    internal LiveConversation? Take(int slot) => Interlocked.Exchange(ref _slots[slot], null);
}
