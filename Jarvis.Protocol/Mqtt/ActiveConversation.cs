using System.Text.Json.Serialization;

namespace Jarvis.Protocol.Mqtt;

/// <summary>
/// The retained payload of <c>{prefix}/conversation/active</c>: where the conversation is, or nothing
/// (<see cref="Room"/> null) when none is active. Nulls are written explicitly.
/// </summary>
/// <param name="Since">When this state began.</param>
/// <param name="Room">The room id holding the conversation, or null.</param>
/// <param name="SatelliteId">The satellite it talks through, or null.</param>
/// <param name="ConversationId">The conversation's id, or null.</param>
public sealed record ActiveConversation(
    DateTimeOffset Since,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Room = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? SatelliteId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ConversationId = null)
{
    /// <summary>No conversation since <paramref name="since"/>.</summary>
    public static ActiveConversation None(DateTimeOffset since) => new(since);

    /// <summary>True when a conversation is active.</summary>
    [JsonIgnore]
    public bool IsActive => Room is not null;
}
