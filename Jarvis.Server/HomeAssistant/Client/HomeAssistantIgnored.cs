namespace Jarvis.Server.HomeAssistant.Client;

/// <summary>A message that is neither an event nor the answer to a command (no integer id).</summary>
internal sealed record HomeAssistantIgnored : HomeAssistantInbound
{
    public static HomeAssistantIgnored Instance { get; } = new();
}
