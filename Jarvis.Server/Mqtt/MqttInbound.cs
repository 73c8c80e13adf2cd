namespace Jarvis.Server.Mqtt;

/// <summary>A message received on one of the subscribed topics.</summary>
public sealed record MqttInbound(string Topic, string Payload, bool Retained);
