namespace Jarvis.Server.Tests.Mqtt;

/// <summary>The room coordination suite against the MQTTnet broker (what the embedded mode runs).</summary>
public sealed class RoomCoordinationOnMqttNetTests : RoomCoordinationTests<MqttNetBroker>;
