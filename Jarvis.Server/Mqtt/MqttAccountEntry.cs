namespace Jarvis.Server.Mqtt;

/// <summary>An extra account at the embedded broker (<c>Mqtt:Accounts:{name}</c>).</summary>
public sealed class MqttAccountEntry
{
    public string Password { get; set; } = "";

    public MqttRole Role { get; set; } = MqttRole.HomeAssistant;
}
