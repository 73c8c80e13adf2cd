namespace Jarvis.Server.Timers;

/// <summary>A ring that stopped: where, why ("button", "voice", "timeout", "server stopping") and when.</summary>
public sealed record RingStopped(string Room, string Reason, DateTimeOffset At);
