using System.Text.Json.Nodes;

namespace Jarvis.Server.Tests.HomeAssistant.Emulator;

/// <summary>The WebSocket commands of the emulated HA (the subset in the spec); unknown types → <c>unknown_command</c>.</summary>
internal static class EmulatorCommands
{
    public static Task<JsonNode?> RunAsync(EmulatedHome home, string type, JsonObject message, int id, EmulatorWebSocketSession session, CancellationToken cancellationToken)
    {
        JsonNode? result = type switch
        {
            "get_states" => new JsonArray(home.Entities.Select(e => (JsonNode?)e.ToStateObject()).ToArray()),
            "get_config" => Config(),
            "subscribe_events" => Subscribe(session, id, message, cancellationToken),
            "unsubscribe_events" => session.Unsubscribe((int?)message["subscription"] ?? -1) ? null : throw new EmulatorServiceException("not_found", "Subscription not found."),
            "call_service" => CallService(home, message),
            "config/floor_registry/list" => new JsonArray(home.Floors.Select(f => (JsonNode?)new JsonObject
            {
                ["floor_id"] = f.Id, ["name"] = f.Name, ["aliases"] = new JsonArray(), ["level"] = null, ["icon"] = null,
            }).ToArray()),
            "config/area_registry/list" => new JsonArray(home.Areas.Select(a => (JsonNode?)new JsonObject
            {
                ["area_id"] = a.Id, ["name"] = a.Name, ["aliases"] = new JsonArray(), ["floor_id"] = a.FloorId, ["icon"] = null, ["labels"] = new JsonArray(),
                ["picture"] = null, ["humidity_entity_id"] = null, ["temperature_entity_id"] = null, ["created_at"] = 1723987200.0, ["modified_at"] = 1723987200.0,
            }).ToArray()),
            "config/device_registry/list" => new JsonArray(),
            "config/entity_registry/list" => new JsonArray(home.Entities.Where(e => e.InRegistry).Select(e => (JsonNode?)e.ToRegistryEntry()).ToArray()),
            "config/entity_registry/get_entries" => GetEntries(home, message),
            "conversation/process" => (string?)message["text"] is { } text
                ? EmulatedConversation.Process(home, text, (string?)message["conversation_id"])
                : throw new EmulatorServiceException("invalid_format", "required key not provided @ data['text']"),
            _ => throw new EmulatorServiceException("unknown_command", "Unknown command."),
        };
        return Task.FromResult(result);
    }

    private static JsonObject Config() => new()
    {
        ["location_name"] = "Emulated Home", ["time_zone"] = "UTC", ["version"] = HomeAssistantEmulator.Version,
        ["unit_system"] = new JsonObject { ["temperature"] = "°C", ["length"] = "km" }, ["components"] = new JsonArray("api", "websocket_api", "conversation"),
    };

    private static JsonNode? Subscribe(EmulatorWebSocketSession session, int id, JsonObject message, CancellationToken cancellationToken)
    {
        session.Subscribe(id, (string?)message["event_type"], cancellationToken);
        return null;
    }

    private static JsonObject CallService(EmulatedHome home, JsonObject message)
    {
        var domain = (string?)message["domain"];
        var service = (string?)message["service"];
        if (domain is null || service is null)
        {
            throw new EmulatorServiceException("invalid_format", "required key not provided @ data['domain']");
        }

        if ((bool?)message["return_response"] == true)
        {
            throw new EmulatorServiceException("service_validation_error", "Validation error: An action which does not return responses can't be called with return_response=True");
        }

        var data = message["service_data"]?.DeepClone() as JsonObject ?? [];
        var targets = ServiceTargets.Extract(home, domain, data, message["target"] as JsonObject);
        var context = Guid.NewGuid().ToString("N");
        home.RecordCall(domain, service, data, targets);
        EmulatedServices.Apply(home, domain, service, data, targets, context);
        return new JsonObject { ["context"] = new JsonObject { ["id"] = context, ["parent_id"] = null, ["user_id"] = null } };
    }

    private static JsonObject GetEntries(EmulatedHome home, JsonObject message)
    {
        var result = new JsonObject();
        foreach (var entityId in (message["entity_ids"] as JsonArray ?? throw new EmulatorServiceException("invalid_format", "required key not provided @ data['entity_ids']"))
                 .Select(n => (string?)n).OfType<string>())
        {
            result[entityId] = home.Entity(entityId) is { InRegistry: true } entity ? entity.ToExtendedEntry() : null;
        }

        return result;
    }
}
