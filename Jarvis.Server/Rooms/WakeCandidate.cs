namespace Jarvis.Server.Rooms;

/// <summary>
/// A room that heard the wake signal, with how well it heard it: the speech level in dBFS when its satellite measures it,
/// and a score (0..1: the level mapped, or the VAD score); whether it is ours or another server's.
/// </summary>
public sealed record WakeCandidate(string Room, double Score, WakeSource Source, bool Local, DateTimeOffset At, double? LevelDbfs = null);
