using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jarvis.Protocol.Link.Internal;

/// <summary>
/// Enum values as snake_case strings, read strictly: only the exact snake_case name is accepted. Integers, other casings
/// ("RealTime", "realtime"), comma lists and unknown names are rejected, as the link protocol documents. (System.Text.Json's
/// <see cref="JsonStringEnumConverter{TEnum}"/> also accepts the member name in any casing and comma lists.)
/// </summary>
internal sealed class SnakeCaseEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly TEnum[] Values = Enum.GetValues<TEnum>();
    private static readonly JsonEncodedText[] Names =
        [.. Values.Select(v => JsonEncodedText.Encode(JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString())))];

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            for (var i = 0; i < Names.Length; i++)
            {
                if (reader.ValueTextEquals(Names[i].EncodedUtf8Bytes))
                {
                    return Values[i];
                }
            }
        }

        throw new JsonException($"expected one of {string.Join(", ", Names.Select(n => $"\"{n}\""))} for {typeof(TEnum).Name}");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        var index = Array.IndexOf(Values, value);
        if (index < 0)
        {
            throw new JsonException($"{value} is not a {typeof(TEnum).Name}");
        }

        writer.WriteStringValue(Names[index]);
    }
}
