using System.Text;
using System.Text.Json.Nodes;
using Jarvis.Server.HomeAssistant;
using Jarvis.Server.HomeAssistant.Client;
using Jarvis.Server.HomeAssistant.Model;

namespace Jarvis.Fuzz.Targets;

/// <summary>
/// Home Assistant's messages as the server reads them: a WebSocket frame (events, results, errors, batches) with the
/// state change it carries, the registry lists of a (re)load, and REST bodies (states, error messages). Documented
/// error: <see cref="HomeAssistantException"/> for a REST body that is not JSON; everything else is read leniently.
/// Input: one JSON text. For the registry, an object with <c>floors</c>, <c>areas</c>, <c>devices</c>, <c>entities</c>,
/// <c>states</c> (arrays) and <c>extended</c> (the <c>get_entries</c> object).
/// </summary>
internal sealed class HomeAssistantTarget : FuzzTarget
{
    public override string Name => "homeassistant";

    public override string Description => "Home Assistant WebSocket/REST message parsing (Jarvis.Server/HomeAssistant/Client)";

    public override IReadOnlyList<string> InstrumentedAssemblies { get; } = ["Jarvis.Server.dll"];

    public override void Run(ReadOnlySpan<byte> input)
    {
        var text = Encoding.UTF8.GetString(input);
        foreach (var message in HomeAssistantInbound.Read(text))
        {
            if (message is HomeAssistantEvent { EventType: "state_changed" } haEvent && HaJson.Text(haEvent.Data, "entity_id") is { } entityId)
            {
                _ = (entityId, RegistrySync.ToState(haEvent.Data?["new_state"] as JsonObject)?.Attribute("friendly_name"));
            }
        }

        _ = HomeAssistantRest.Message(text);
        JsonNode? body;
        try
        {
            body = HomeAssistantRest.ParseBody(text);
        }
        catch (HomeAssistantException)
        {
            return;
        }

        foreach (var state in (body as JsonArray ?? []).OfType<JsonObject>().Select(RegistrySync.ToState).OfType<EntityState>())
        {
            _ = (state.NumericAttribute("brightness"), state.ListAttributeAllows("hvac_modes", "heat"));
        }

        if (body is JsonObject registry)
        {
            // The model's own indexing is not parsing (and is slow per input): the snapshot is what the parse produces.
            _ = RegistrySync.Build(List(registry, "floors"), List(registry, "areas"), List(registry, "devices"), List(registry, "entities"),
                List(registry, "states"), registry["extended"] as JsonObject);
        }
    }

    public override IEnumerable<(string Name, byte[] Data)> Seeds()
    {
        yield return ("result", """{"id":3,"type":"result","success":true,"result":{"context":{"id":"c1"}}}"""u8.ToArray());
        yield return ("error", """{"id":4,"type":"result","success":false,"error":{"code":"not_found","message":"Entity not found"}}"""u8.ToArray());
        yield return ("pong", """{"id":5,"type":"pong"}"""u8.ToArray());
        yield return ("batch-state-changed", """[{"id":1,"type":"event","event":{"event_type":"state_changed","data":{"entity_id":"light.kitchen","old_state":null,"new_state":{"entity_id":"light.kitchen","state":"on","attributes":{"friendly_name":"Kitchen light","brightness":200}}}}},{"id":2,"type":"event","event":{"event_type":"area_registry_updated","data":{}}}]"""u8.ToArray());
        yield return ("rest-states", """[{"entity_id":"climate.hall","state":"heat","attributes":{"hvac_modes":["off","heat"],"temperature":21.5}},{"entity_id":"sensor.t","state":"19.5"}]"""u8.ToArray());
        yield return ("rest-error", """{"message":"Service not found."}"""u8.ToArray());
        yield return ("registry", """
            {"floors":[{"floor_id":"ground","name":"Ground floor","aliases":["downstairs"]}],
             "areas":[{"area_id":"kitchen","name":"Kitchen","aliases":[],"floor_id":"ground"}],
             "devices":[{"id":"d1","area_id":"kitchen"},{"id":"d2","parent_device_id":"d1"}],
             "entities":[{"entity_id":"light.kitchen","device_id":"d2","name":null,"original_name":"Ceiling"},{"entity_id":"switch.x","disabled_by":"user"},{"entity_id":"sensor.cfg","entity_category":"config"}],
             "states":[{"entity_id":"light.kitchen","state":"off","attributes":{"friendly_name":"Kitchen ceiling","device_class":"light"}}],
             "extended":{"light.kitchen":{"aliases":["ceiling light"],"original_device_class":null}}}
            """u8.ToArray());
    }

    private static List<JsonObject> List(JsonObject registry, string name) => [.. (registry[name] as JsonArray ?? []).OfType<JsonObject>()];
}
