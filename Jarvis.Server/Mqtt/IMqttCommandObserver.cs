using Jarvis.Protocol.Mqtt;

namespace Jarvis.Server.Mqtt;

/// <summary>
/// A feature that takes MQTT commands the hub bridge does not handle itself (announcements, room notify). Called on the
/// bridge's receive loop: queue the work and return at once.
/// </summary>
public interface IMqttCommandObserver
{
    /// <summary>The topic filters to subscribe to.</summary>
    IReadOnlyList<string> Filters(MqttTopics topics);

    void OnCommand(MqttTopic topic, byte[] payload);
}
