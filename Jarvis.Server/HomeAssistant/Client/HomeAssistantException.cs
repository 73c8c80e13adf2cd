namespace Jarvis.Server.HomeAssistant.Client;

/// <summary>Home Assistant answered a command with an error (<see cref="Code"/> as in the WebSocket API).</summary>
public sealed class HomeAssistantException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
