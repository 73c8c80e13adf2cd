namespace Jarvis.Server.HomeAssistant.Model;

/// <summary>An area (room) of the home with the floor it is on.</summary>
public sealed record HomeArea(string Id, string Name, IReadOnlyList<string> Aliases, string? FloorId);
