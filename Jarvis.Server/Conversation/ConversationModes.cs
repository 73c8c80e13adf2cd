using System.Collections.Concurrent;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Pipeline;

namespace Jarvis.Server.Conversation;

/// <summary>
/// The mode of each conversation slot, chosen when it starts: the configured mode, with duplex falling back to the
/// pipeline while no PersonaPlex endpoint is usable (and returning when one is). Read by the duplex router (no
/// PersonaPlex session for a pipeline conversation) and shown on the status page.
/// </summary>
public sealed class ConversationModes(IPersonaPlexSessions sessions, TurnModeSelector selector)
{
    private readonly ConcurrentDictionary<int, (string Room, TurnMode Mode)> _slots = new();

    public TurnMode Begin(int slot, string room)
    {
        var mode = selector.Select(PersonaPlexAvailable());
        _slots[slot] = (room, mode);
        return mode;
    }

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

    /// <summary>
    /// An endpoint is usable when it is warm, conversing, idle (on demand), or making its first attempt (server starting).
    /// Backoff, busy, stopped, and reconnecting after a failure are not.
    /// </summary>
    private bool PersonaPlexAvailable() =>
        sessions.GetStatus().Any(s => s.State is PersonaPlexState.Warm or PersonaPlexState.InConversation or PersonaPlexState.Idle
            || (s.State == PersonaPlexState.Connecting && s.LastError is null));
}
