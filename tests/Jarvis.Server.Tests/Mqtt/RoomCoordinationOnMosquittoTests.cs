namespace Jarvis.Server.Tests.Mqtt;

/// <summary>The room coordination suite against a real mosquitto.</summary>
public sealed class RoomCoordinationOnMosquittoTests : RoomCoordinationTests<MosquittoBroker>;
