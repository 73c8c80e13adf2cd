namespace Jarvis.Server.HomeAssistant;

/// <summary>One service call made for a turn, and whether its state change confirmed it.</summary>
public sealed record HomeAction(string Domain, string Service, IReadOnlyList<string> EntityIds, string Data, bool Succeeded, string? Error = null);
