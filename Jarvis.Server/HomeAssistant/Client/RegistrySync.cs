using System.Text.Json;
using System.Text.Json.Nodes;
using Jarvis.Server.HomeAssistant.Model;

namespace Jarvis.Server.HomeAssistant.Client;

/// <summary>
/// Reads floors, areas, devices, entities (with aliases from <c>get_entries</c>) and states over the WebSocket and
/// loads them into the <see cref="HomeModel"/>. Display name = registry name ?? friendly_name ?? original name;
/// area = entity area ?? device area; disabled, hidden and config/diagnostic entities are left out. Registry items
/// without their id, or with fields of the wrong JSON kind, are skipped rather than failing the load.
/// </summary>
internal static class RegistrySync
{
    public static async Task LoadAsync(HomeAssistantConnection connection, HomeModel model, CancellationToken cancellationToken)
    {
        var floors = await ListAsync(connection, "config/floor_registry/list", optional: true, cancellationToken).ConfigureAwait(false);
        var areas = await ListAsync(connection, "config/area_registry/list", optional: false, cancellationToken).ConfigureAwait(false);
        var devices = await ListAsync(connection, "config/device_registry/list", optional: false, cancellationToken).ConfigureAwait(false);
        var entries = await ListAsync(connection, "config/entity_registry/list", optional: false, cancellationToken).ConfigureAwait(false);
        var states = await connection.SendAsync(new JsonObject { ["type"] = "get_states" }, cancellationToken).ConfigureAwait(false) as JsonArray ?? [];
        var ids = new JsonArray([.. Visible(entries).Select(e => (JsonNode?)JsonValue.Create(HaJson.Text(e, "entity_id")))]);
        var extended = ids.Count == 0 ? null
            : await connection.SendAsync(new JsonObject { ["type"] = "config/entity_registry/get_entries", ["entity_ids"] = ids }, cancellationToken).ConfigureAwait(false) as JsonObject;
        var (snapshot, entityStates, hidden) = Build(floors, areas, devices, entries, [.. states.OfType<JsonObject>()], extended);
        model.Load(snapshot, entityStates, hidden);
    }

    /// <summary>The snapshot, states and hidden entity ids from the registry lists as Home Assistant returned them.</summary>
    public static (HomeSnapshot Snapshot, IReadOnlyList<EntityState> States, IReadOnlySet<string> Hidden) Build(
        IReadOnlyList<JsonObject> floors, IReadOnlyList<JsonObject> areas, IReadOnlyList<JsonObject> devices,
        IReadOnlyList<JsonObject> entries, IReadOnlyList<JsonObject> stateObjects, JsonObject? extended)
    {
        var states = stateObjects.Select(ToState).OfType<EntityState>().DistinctBy(s => s.EntityId, StringComparer.Ordinal).ToList();
        var visible = Visible(entries).ToList();
        var hidden = entries.Except(visible).Select(e => HaJson.Text(e, "entity_id")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var deviceAreas = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var device in devices)
        {
            if (HaJson.Text(device, "id") is { } id)
            {
                deviceAreas.TryAdd(id, HaJson.Text(device, "area_id") ?? HaJson.Text(device, "parent_device_id"));
            }
        }

        var statesById = states.ToDictionary(s => s.EntityId, StringComparer.Ordinal);
        var entities = new List<HomeEntity>();
        foreach (var entry in visible.DistinctBy(e => HaJson.Text(e, "entity_id"), StringComparer.Ordinal))
        {
            var id = HaJson.Text(entry, "entity_id")!;
            var more = HaJson.Child(extended, id) as JsonObject;
            var state = statesById.GetValueOrDefault(id);
            var name = HaJson.Text(entry, "name") ?? state?.Attribute("friendly_name") ?? HaJson.Text(entry, "original_name") ?? id;
            var deviceId = HaJson.Text(entry, "device_id");
            var area = HaJson.Text(entry, "area_id") ?? (deviceId is null ? null : DeviceArea(deviceAreas, deviceId));
            var deviceClass = HaJson.Text(more, "device_class") ?? HaJson.Text(more, "original_device_class") ?? state?.Attribute("device_class");
            entities.Add(new HomeEntity(id, name, HaJson.Strings(more?["aliases"]), area, deviceClass));
        }

        var snapshot = new HomeSnapshot(
            [.. floors.Where(f => HaJson.Text(f, "floor_id") is not null)
                .Select(f => new HomeFloor(HaJson.Text(f, "floor_id")!, HaJson.Text(f, "name") ?? "", HaJson.Strings(f["aliases"])))],
            [.. areas.Where(a => HaJson.Text(a, "area_id") is not null)
                .Select(a => new HomeArea(HaJson.Text(a, "area_id")!, HaJson.Text(a, "name") ?? "", HaJson.Strings(a["aliases"]), HaJson.Text(a, "floor_id")))],
            entities,
            0);
        return (snapshot, states, hidden);
    }

    /// <summary>Parses a state object; null when it has no entity_id.</summary>
    public static EntityState? ToState(JsonObject? node)
    {
        if (HaJson.Text(node, "entity_id") is not { } entityId)
        {
            return null;
        }

        var attributes = node!["attributes"] is JsonObject a ? JsonSerializer.SerializeToElement(a) : EntityState.NoAttributes;
        return new EntityState(entityId, HaJson.Text(node, "state") ?? "unknown", attributes);
    }

    /// <summary>Entries with an id that are not disabled, hidden, or configuration/diagnostic entities.</summary>
    private static IEnumerable<JsonObject> Visible(IEnumerable<JsonObject> entries) =>
        entries.Where(e => HaJson.Text(e, "entity_id") is not null && e["disabled_by"] is null && e["hidden_by"] is null && e["entity_category"] is null);

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
}
