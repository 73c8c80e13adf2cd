namespace Jarvis.Protocol.Mqtt;

/// <summary>A parsed Jarvis topic.</summary>
/// <param name="Kind">Which topic.</param>
/// <param name="Id">The satellite id (satellite topics), the room id (claims), or null.</param>
public readonly record struct MqttTopic(MqttTopicKind Kind, string? Id);
