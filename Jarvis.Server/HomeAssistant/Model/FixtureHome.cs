using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jarvis.Server.HomeAssistant.Model;

/// <summary>
/// A home read from the ha-intents corpus's <c>fixtures.json</c> (floors, areas, entities with states and attributes).
/// Used by the <c>intents eval</c> command and by the Home Assistant emulator in the tests.
/// </summary>
public sealed record FixtureHome(HomeSnapshot Registries, IReadOnlyList<EntityState> States)
{
    public static FixtureHome Load(string path)
    {
        using var stream = File.OpenRead(path);
        var root = JsonNode.Parse(stream) ?? throw new InvalidDataException($"{path} is empty");
        var floors = Array(root, "floors").Select(f => new HomeFloor(Text(f, "id")!, Text(f, "name")!, Strings(f, "aliases"))).ToList();
        var areas = Array(root, "areas").Select(a => new HomeArea(Text(a, "id")!, Text(a, "name")!, Strings(a, "aliases"), Text(a, "floor"))).ToList();
        var entities = new List<HomeEntity>();
        var states = new List<EntityState>();
        foreach (var e in Array(root, "entities"))
        {
            var id = Text(e, "entity_id") ?? throw new InvalidDataException($"{path}: an entity has no entity_id");
            var name = Text(e, "name") ?? id;
            var deviceClass = Text(e, "device_class");
            entities.Add(new HomeEntity(id, name, Strings(e, "aliases"), Text(e, "area"), deviceClass));
            var attributes = e?["attributes"] as JsonObject is { } given ? (JsonObject)given.DeepClone() : [];
            attributes["friendly_name"] = name;
            var state = Text(e, "state");
            states.Add(new EntityState(id, string.IsNullOrEmpty(state) ? "unknown" : state, JsonSerializer.SerializeToElement(attributes)));
        }

        return new FixtureHome(new HomeSnapshot(floors, areas, entities, 1), states);
    }

    private static IEnumerable<JsonNode?> Array(JsonNode root, string key) => root[key] as JsonArray ?? [];

    private static string? Text(JsonNode? node, string key) => node?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static IReadOnlyList<string> Strings(JsonNode? node, string key) =>
        node?[key] is JsonArray a ? a.Select(x => x?.GetValue<string>()).OfType<string>().ToList() : [];
}
