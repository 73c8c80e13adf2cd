namespace Jarvis.Server.Answering;

/// <summary>A user's rating (1–5) of a room's last turn, with the mode it ran in (for the A/B report).</summary>
public sealed record Rating(DateTimeOffset At, string Room, int Stars, string Source, string? TurnId, string? Mode, string? Route);
