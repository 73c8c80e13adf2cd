namespace Jarvis.Server.Mqtt;

/// <summary>What an account at the embedded broker may publish (subscribing is open to every authenticated account).</summary>
public enum MqttRole
{
    /// <summary>A Jarvis server: anything under the Jarvis prefix and the discovery prefix; claims bounded in rate.</summary>
    Server,

    /// <summary>Home Assistant: the documented command topics (<c>…/mute/set</c>) and its own birth topic only.</summary>
    HomeAssistant,
}
