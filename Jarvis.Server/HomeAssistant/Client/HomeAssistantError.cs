namespace Jarvis.Server.HomeAssistant.Client;

/// <summary>An error answer to command <paramref name="Id"/>.</summary>
internal sealed record HomeAssistantError(int Id, string Code, string Message) : HomeAssistantInbound;
