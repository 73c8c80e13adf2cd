using System.Text.Json;
using System.Text.Json.Serialization;
using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Protocol.Link.Internal;

/// <summary>Source-generated JSON for the control messages: snake_case, strict (required fields, no nulls, no duplicates).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false,
    MaxDepth = 16)]
[JsonSerializable(typeof(LinkMessage))]
internal sealed partial class LinkJsonContext : JsonSerializerContext;
