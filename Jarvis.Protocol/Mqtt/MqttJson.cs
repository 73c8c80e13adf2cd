using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Jarvis.Protocol.Link;
using Jarvis.Protocol.Mqtt.Internal;

namespace Jarvis.Protocol.Mqtt;

/// <summary>Serialises the JSON payloads of the Jarvis topics; parsing never throws on bad input.</summary>
public static class MqttJson
{
    /// <summary>The payload for the active conversation topic.</summary>
    public static byte[] Serialize(ActiveConversation value) => Serialize(value, MqttJsonContext.Default.ActiveConversation);

    /// <summary>The payload for a claim topic.</summary>
    public static byte[] Serialize(ArbitrationClaim value) => Serialize(value, MqttJsonContext.Default.ArbitrationClaim);

    /// <summary>The payload for a satellite state topic.</summary>
    public static byte[] Serialize(SatelliteStateEvent value) => Serialize(value, MqttJsonContext.Default.SatelliteStateEvent);

    /// <summary>Parses an active conversation payload; null when it is not one (or names an invalid room/satellite).</summary>
    public static ActiveConversation? ParseActiveConversation(ReadOnlySpan<byte> payload) =>
        Parse(payload, MqttJsonContext.Default.ActiveConversation) is { } value
        && (value.Room is null || LinkIds.IsValid(value.Room))
        && (value.SatelliteId is null || LinkIds.IsValid(value.SatelliteId))
            ? value
            : null;

    /// <summary>Parses a claim; null when it is not one (invalid ids, score outside 0..1, level outside −200..0 dBFS).</summary>
    public static ArbitrationClaim? ParseArbitrationClaim(ReadOnlySpan<byte> payload) =>
        Parse(payload, MqttJsonContext.Default.ArbitrationClaim) is { } claim
        && LinkIds.IsValid(claim.Room) && LinkIds.IsValid(claim.SatelliteId)
        && !string.IsNullOrEmpty(claim.WakeId) && !string.IsNullOrEmpty(claim.ServerId)
        && double.IsFinite(claim.Score) && claim.Score is >= 0 and <= 1
        && (claim.LevelDbfs is not { } level || Link.Messages.LinkValidation.IsLevelDbfs(level))
            ? claim
            : null;

    /// <summary>Parses a satellite state; null when it is not one.</summary>
    public static SatelliteStateEvent? ParseSatelliteState(ReadOnlySpan<byte> payload) =>
        Parse(payload, MqttJsonContext.Default.SatelliteStateEvent) is { } state
        && LinkIds.IsValid(state.SatelliteId) && LinkIds.IsValid(state.Room)
            ? state
            : null;

    internal static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
    }

    private static T? Parse<T>(ReadOnlySpan<byte> payload, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (payload.IsEmpty || payload.Length > 64 * 1024 || !Utf8.IsValid(payload))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(payload, typeInfo);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException
                                      or ArgumentException or FormatException or OverflowException)
        {
            return null;
        }
    }
}
