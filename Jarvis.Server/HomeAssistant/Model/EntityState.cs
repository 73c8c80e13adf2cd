using System.Text.Json;
using Jarvis.Protocol.Json;

namespace Jarvis.Server.HomeAssistant.Model;

/// <summary>The current state of one entity: raw HA state string and its attributes (a JSON object).</summary>
public sealed record EntityState(string EntityId, string State, JsonElement Attributes)
{
    public static readonly JsonElement NoAttributes = JsonDocument.Parse("{}").RootElement.Clone();

    public string? Attribute(string name) =>
        Attributes.ValueKind == JsonValueKind.Object && Attributes.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => JsonText.Read(value),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => value.GetRawText(),
            }
            : null;

    public double? NumericAttribute(string name) =>
        double.TryParse(Attribute(name), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v
            : null;

    /// <summary>
    /// Whether a list attribute (<c>hvac_modes</c>, <c>fan_modes</c>) contains <paramref name="value"/>; true when the entity
    /// does not report the list (Home Assistant then decides).
    /// </summary>
    public bool ListAttributeAllows(string name, string? value)
    {
        if (value is null)
        {
            return false;
        }

        if (Attributes.ValueKind != JsonValueKind.Object || !Attributes.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        return list.EnumerateArray().Any(item => item.ValueKind == JsonValueKind.String && JsonText.Read(item) == value);
    }
}
