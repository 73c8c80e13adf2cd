using System.Collections.Concurrent;
using Jarvis.Server.Answering;

namespace Jarvis.Server.Conversation;

/// <summary>
/// The mode each conversation slot runs in, as the duplex router decided it when the conversation started (the configured
/// <c>Conversation:Mode</c>, with duplex falling back to the pipeline while PersonaPlex is unavailable). Follows the
/// conversation when it moves; shown per room on the status page.
/// </summary>
public sealed class ConversationModes
{
    private readonly ConcurrentDictionary<int, (string Room, TurnMode Mode)> _slots = new();

    public void Begin(int slot, string room, TurnMode mode) => _slots[slot] = (room, mode);

    public void Move(int slot, string room)
    {
        if (_slots.TryGetValue(slot, out var current))
        {
            _slots[slot] = (room, current.Mode);
        }
    }

    public void End(int slot) => _slots.TryRemove(slot, out _);

    /// <summary>True when the slot's conversation runs without PersonaPlex.</summary>
    public bool IsPipeline(int slot) => _slots.TryGetValue(slot, out var entry) && entry.Mode == TurnMode.Pipeline;

    /// <summary>Room → mode of every conversation, for <c>/api/status</c>.</summary>
    public IReadOnlyDictionary<string, string> Snapshot() =>
        _slots.Values.ToDictionary(e => e.Room, e => e.Mode.ToString().ToLowerInvariant(), StringComparer.Ordinal);
}
