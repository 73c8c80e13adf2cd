using System.Text.Json.Nodes;

namespace Jarvis.Server.Tests.HomeAssistant.Emulator;

/// <summary>Resolves the target keys of a service call (top level in REST, <c>target</c> in WebSocket) to entity ids.</summary>
internal static class ServiceTargets
{
    private static readonly string[] TargetKeys = ["entity_id", "area_id", "floor_id", "device_id", "label_id"];

    /// <summary>Entity ids a service call targets (entity_id incl. "all", area_id, floor_id); missing ids are kept and ignored later.</summary>
    public static List<string> Extract(EmulatedHome home, string domain, JsonObject data, JsonObject? target)
    {
        var merged = new JsonObject();
        foreach (var key in TargetKeys)
        {
            if (data.Remove(key, out var fromData))
            {
                merged[key] = fromData;
            }

            if (target?[key] is { } fromTarget)
            {
                merged[key] = fromTarget.DeepClone();
            }
        }

        var ids = new List<string>();
        foreach (var id in Strings(merged["entity_id"]))
        {
            ids.AddRange(id == "all" ? home.Entities.Where(e => e.Domain == domain).Select(e => e.EntityId) : [id]);
        }

        var areas = Strings(merged["area_id"]).ToHashSet();
        areas.UnionWith(home.Areas.Where(a => a.FloorId is not null && Strings(merged["floor_id"]).Contains(a.FloorId)).Select(a => a.Id));
        ids.AddRange(home.Entities.Where(e => e.AreaId is not null && areas.Contains(e.AreaId)).Select(e => e.EntityId));
        return ids.Distinct().ToList();
    }

    private static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(n => (string?)n).OfType<string>() : node is JsonValue v && v.TryGetValue<string>(out var s) ? [s] : [];
}
