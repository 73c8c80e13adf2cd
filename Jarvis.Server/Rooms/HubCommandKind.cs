namespace Jarvis.Server.Rooms;

/// <summary>Decisions of the <see cref="ConversationCoordinator"/> for the I/O layers.</summary>
public enum HubCommandKind
{
    /// <summary>A local wake candidate: tell the other servers (MQTT arbitration claim).</summary>
    Claim,

    /// <summary>The room owns a conversation on <see cref="HubCommand.Slot"/>: route its audio to PersonaPlex and back.</summary>
    Start,

    /// <summary>The conversation on <see cref="HubCommand.Slot"/> moves from <see cref="HubCommand.FromRoom"/> to <see cref="HubCommand.Room"/> (PersonaPlex stays connected).</summary>
    Move,

    /// <summary>The room loses (or never got) the conversation: it receives nothing more and its LEDs go back to idle.</summary>
    StandDown,

    /// <summary>The room must drop whatever model audio it still buffers (handoff, end of conversation).</summary>
    Flush,

    /// <summary>The conversation in the room ended (<see cref="HubCommand.Reason"/> says why).</summary>
    End,

    /// <summary>Set the room's LEDs to <see cref="HubCommand.Led"/>.</summary>
    Led,

    /// <summary>The room's mute state changed (<see cref="HubCommand.State"/> = muted), from its button or from MQTT.</summary>
    Mute,

    /// <summary>The room's satellite came online or went offline (<see cref="HubCommand.State"/> = online).</summary>
    Presence,
}
