namespace Jarvis.Protocol.Mqtt.Discovery;

/// <summary>One entry of a discovery payload's <c>availability</c> list.</summary>
/// <param name="Topic">The topic carrying online/offline.</param>
/// <param name="PayloadAvailable">The payload meaning available.</param>
/// <param name="PayloadNotAvailable">The payload meaning unavailable.</param>
public sealed record HaAvailability(string Topic, string PayloadAvailable = MqttPayloads.Online, string PayloadNotAvailable = MqttPayloads.Offline);
