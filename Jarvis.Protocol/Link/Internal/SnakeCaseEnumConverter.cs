using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jarvis.Protocol.Link.Internal;

/// <summary>Enum values as snake_case strings; integers and unknown names are rejected (strict parsing).</summary>
internal sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
