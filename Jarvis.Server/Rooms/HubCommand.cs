namespace Jarvis.Server.Rooms;

/// <summary>One decision of the hub, in the order it was taken.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Room">The room it applies to.</param>
/// <param name="Slot">The conversation slot (PersonaPlex endpoint index) for Start/Move/End, else -1.</param>
/// <param name="FromRoom">For Move: the room that loses the conversation.</param>
/// <param name="Led">For Led: what to show.</param>
/// <param name="Score">For Claim: the wake score.</param>
/// <param name="LevelDbfs">For Claim: the room's speech level over the voice onset, when its satellite measures it.</param>
/// <param name="State">For Mute: muted; for Presence: online.</param>
/// <param name="Reason">Human-readable reason for logs and the status page.</param>
public sealed record HubCommand(
    HubCommandKind Kind,
    string Room,
    int Slot = -1,
    string? FromRoom = null,
    RoomLed Led = RoomLed.Idle,
    double Score = 0,
    bool State = false,
    string Reason = "",
    double? LevelDbfs = null)
{
    public override string ToString() => Kind switch
    {
        HubCommandKind.Move => $"Move slot {Slot} {FromRoom} -> {Room} ({Reason})",
        HubCommandKind.Led => $"Led {Room} {Led}",
        HubCommandKind.Mute => $"Mute {Room} {(State ? "on" : "off")}",
        HubCommandKind.Presence => $"Presence {Room} {(State ? "online" : "offline")}",
        _ => $"{Kind} {Room}{(Slot >= 0 ? $" slot {Slot}" : "")}{(Reason.Length > 0 ? $" ({Reason})" : "")}",
    };
}
