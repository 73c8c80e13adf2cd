using System.Text.Json.Nodes;

namespace Jarvis.Server.Tests.HomeAssistant.Emulator;

/// <summary>One entity of the emulated HA: registry entry fields plus its current state object.</summary>
public sealed class EmulatedEntity
{
    public required string EntityId { get; init; }

    public string Domain => EntityId[..EntityId.IndexOf('.', StringComparison.Ordinal)];

    public string RegistryId { get; init; } = Guid.NewGuid().ToString("N");

    /// <summary>Registry name (null = entity has no registry entry, like scenes made by scene.create).</summary>
    public string? Name { get; set; }

    public bool InRegistry { get; init; } = true;

    /// <summary>"user" or "integration" for an entity hidden from assistants (Jarvis leaves it out; HA's own agent may not).</summary>
    public string? HiddenBy { get; init; }

    public List<string> Aliases { get; init; } = [];

    public string? AreaId { get; set; }

    public string? DeviceClass { get; init; }

    public string State { get; set; } = "unknown";

    public JsonObject Attributes { get; set; } = [];

    public string LastChanged { get; set; } = DateTimeOffset.UtcNow.ToString("O");

    public string LastUpdated { get; set; } = DateTimeOffset.UtcNow.ToString("O");

    public string ContextId { get; set; } = Guid.NewGuid().ToString("N");

    public JsonObject ToStateObject() => new()
    {
        ["entity_id"] = EntityId,
        ["state"] = State,
        ["attributes"] = Attributes.DeepClone(),
        ["last_changed"] = LastChanged,
        ["last_reported"] = LastUpdated,
        ["last_updated"] = LastUpdated,
        ["context"] = new JsonObject { ["id"] = ContextId, ["parent_id"] = null, ["user_id"] = null },
    };

    public JsonObject ToRegistryEntry() => new()
    {
        ["entity_id"] = EntityId, ["id"] = RegistryId, ["unique_id"] = EntityId, ["platform"] = "demo", ["device_id"] = null,
        ["area_id"] = AreaId, ["name"] = Name, ["original_name"] = null, ["icon"] = null, ["disabled_by"] = null, ["hidden_by"] = HiddenBy,
        ["entity_category"] = null, ["has_entity_name"] = false, ["labels"] = new JsonArray(), ["categories"] = new JsonObject(),
        ["options"] = new JsonObject(), ["translation_key"] = null, ["config_entry_id"] = null,
    };

    public JsonObject ToExtendedEntry()
    {
        var entry = ToRegistryEntry();
        entry["aliases"] = new JsonArray(Aliases.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray());
        entry["capabilities"] = null;
        entry["device_class"] = null;
        entry["original_device_class"] = DeviceClass;
        entry["original_icon"] = null;
        return entry;
    }
}
