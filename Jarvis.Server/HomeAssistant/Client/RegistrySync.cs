using System.Text.Json;
using System.Text.Json.Nodes;
using Jarvis.Server.HomeAssistant.Model;

namespace Jarvis.Server.HomeAssistant.Client;

/// <summary>
/// Reads floors, areas, devices, entities (with aliases from <c>get_entries</c>) and states over the WebSocket and
/// loads them into the <see cref="HomeModel"/>. Display name = registry name ?? friendly_name ?? original name;
/// area = entity area ?? device area; disabled, hidden and config/diagnostic entities are left out.
/// </summary>
internal static class RegistrySync
{
    public static async Task LoadAsync(HomeAssistantConnection connection, HomeModel model, CancellationToken cancellationToken)
    {
        var floors = await ListAsync(connection, "config/floor_registry/list", optional: true, cancellationToken).ConfigureAwait(false);
        var areas = await ListAsync(connection, "config/area_registry/list", optional: false, cancellationToken).ConfigureAwait(false);
        var devices = await ListAsync(connection, "config/device_registry/list", optional: false, cancellationToken).ConfigureAwait(false);
        var entries = await ListAsync(connection, "config/entity_registry/list", optional: false, cancellationToken).ConfigureAwait(false);
        var states = (await connection.SendAsync(new JsonObject { ["type"] = "get_states" }, cancellationToken).ConfigureAwait(false) as JsonArray ?? [])
            .OfType<JsonObject>().Select(ToState).OfType<EntityState>().ToList();

        var visible = entries.Where(e => e["disabled_by"] is null && e["hidden_by"] is null && e["entity_category"] is null).ToList();
        var hidden = entries.Except(visible).Select(e => (string?)e["entity_id"]).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var ids = new JsonArray(visible.Select(e => (JsonNode?)JsonValue.Create((string?)e["entity_id"])).ToArray());
        var extended = ids.Count == 0 ? null
            : await connection.SendAsync(new JsonObject { ["type"] = "config/entity_registry/get_entries", ["entity_ids"] = ids }, cancellationToken).ConfigureAwait(false) as JsonObject;
        var deviceAreas = devices.Where(d => d["id"] is not null).ToDictionary(d => (string)d["id"]!, d => (string?)d["area_id"] ?? (string?)d["parent_device_id"]);
        var statesById = states.ToDictionary(s => s.EntityId, StringComparer.Ordinal);

        var entities = new List<HomeEntity>();
        foreach (var entry in visible)
        {
            var id = (string)entry["entity_id"]!;
            var more = extended?[id] as JsonObject;
            var state = statesById.GetValueOrDefault(id);
            var name = (string?)entry["name"] ?? state?.Attribute("friendly_name") ?? (string?)entry["original_name"] ?? id;
            var deviceId = (string?)entry["device_id"];
            var area = (string?)entry["area_id"] ?? (deviceId is null ? null : DeviceArea(deviceAreas, deviceId));
            var deviceClass = (string?)more?["device_class"] ?? (string?)more?["original_device_class"] ?? state?.Attribute("device_class");
            entities.Add(new HomeEntity(id, name, Strings(more?["aliases"]), area, deviceClass));
        }

        var snapshot = new HomeSnapshot(
            floors.Select(f => new HomeFloor((string)f["floor_id"]!, (string?)f["name"] ?? "", Strings(f["aliases"]))).ToList(),
            areas.Select(a => new HomeArea((string)a["area_id"]!, (string?)a["name"] ?? "", Strings(a["aliases"]), (string?)a["floor_id"])).ToList(),
            entities,
            0);
        model.Load(snapshot, states, hidden);
    }

    /// <summary>Parses a state object; null when it has no entity_id.</summary>
    public static EntityState? ToState(JsonObject? node)
    {
        if (node?["entity_id"] is not JsonValue id || !id.TryGetValue<string>(out var entityId))
        {
            return null;
        }

        var attributes = node["attributes"] is JsonObject a ? JsonSerializer.SerializeToElement(a) : EntityState.NoAttributes;
        return new EntityState(entityId, (string?)node["state"] ?? "unknown", attributes);
    }

    private static string? DeviceArea(Dictionary<string, string?> deviceAreas, string deviceId)
    {
        // A child device with no area inherits its parent's (value is then the parent id, resolved once more).
        var value = deviceAreas.GetValueOrDefault(deviceId);
        return value is not null && deviceAreas.TryGetValue(value, out var parentArea) ? parentArea : value;
    }

    private static async Task<List<JsonObject>> ListAsync(HomeAssistantConnection connection, string type, bool optional, CancellationToken cancellationToken)
    {
        try
        {
            var result = await connection.SendAsync(new JsonObject { ["type"] = type }, cancellationToken).ConfigureAwait(false);
            return (result as JsonArray ?? []).OfType<JsonObject>().ToList();
        }
        catch (HomeAssistantException ex) when (optional && ex.Code == "unknown_command")
        {
            return [];
        }
    }

    private static IReadOnlyList<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(x => (string?)x).OfType<string>().ToList() : [];
}
