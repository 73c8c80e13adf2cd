namespace Jarvis.Server.Rooms;

/// <summary>A running conversation as shown on the status page.</summary>
public sealed record ConversationSnapshot(int Slot, string Room, DateTimeOffset StartedAt, DateTimeOffset LastActivity);
