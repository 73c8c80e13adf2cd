namespace Jarvis.Server.Rooms;

/// <summary>A room as the hub sees it, for the status page.</summary>
public sealed record RoomSnapshot(string Room, bool Online, bool Muted, bool Speaking, double Score, int? Slot, bool Waiting);
