using System.Text.Json.Serialization;
using Jarvis.Protocol.Mqtt.Discovery;

namespace Jarvis.Protocol.Mqtt.Internal;

/// <summary>Source-generated JSON for the MQTT payloads: snake_case, strict on read, nulls omitted on write.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false,
    MaxDepth = 16)]
[JsonSerializable(typeof(ActiveConversation))]
[JsonSerializable(typeof(ArbitrationClaim))]
[JsonSerializable(typeof(SatelliteStateEvent))]
[JsonSerializable(typeof(HaSwitchConfig))]
[JsonSerializable(typeof(HaSensorConfig))]
[JsonSerializable(typeof(HaBinarySensorConfig))]
internal sealed partial class MqttJsonContext : JsonSerializerContext;
