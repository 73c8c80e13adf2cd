namespace Jarvis.Server.HomeAssistant.Model;

/// <summary>A floor of the home (HA floor registry).</summary>
public sealed record HomeFloor(string Id, string Name, IReadOnlyList<string> Aliases);
