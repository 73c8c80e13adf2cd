namespace Jarvis.Server.Rooms;

/// <summary>A room that heard the wake signal, with how well it heard it (0..1), and whether it is ours or another server's.</summary>
public sealed record WakeCandidate(string Room, double Score, WakeSource Source, bool Local, DateTimeOffset At);
