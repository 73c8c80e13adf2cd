using System.Text.Json.Nodes;

namespace Jarvis.Server.Tests.HomeAssistant.Emulator;

/// <summary>
/// The services the emulated HA knows, with their data schemas (unknown keys or bad values are rejected like
/// voluptuous does) and their effect on states. Unknown domain/service → <c>not_found</c>.
/// </summary>
public static class EmulatedServices
{
    public static bool Exists(string domain, string service) => ServiceSchemas.Keys.ContainsKey($"{domain}.{service}");

    public static List<JsonObject> Apply(EmulatedHome home, string domain, string service, JsonObject data, IReadOnlyList<string> targets, string contextId)
    {
        if (!ServiceSchemas.Keys.TryGetValue($"{domain}.{service}", out var allowed))
        {
            throw new EmulatorServiceException("not_found", $"Service {domain}.{service} not found.");
        }

        if (data.Select(p => p.Key).FirstOrDefault(k => !allowed.Contains(k)) is { } extra)
        {
            throw new EmulatorServiceException("invalid_format", $"extra keys not allowed @ data['{extra}']");
        }

        if (domain == "light" && data.Count(p => p.Key.StartsWith("brightness", StringComparison.Ordinal)) > 1)
        {
            throw new EmulatorServiceException("invalid_format", "two or more values in the same group of exclusion 'brightness'");
        }

        if (home.FailureFor(domain, service) is { } failure)
        {
            throw new EmulatorServiceException("home_assistant_error", failure);
        }

        if (home.Ignores(domain, service))
        {
            return [];
        }

        if (domain == "scene" && service == "create")
        {
            return [SceneCreate(home, data, contextId)];
        }

        var changed = new List<JsonObject>();
        foreach (var id in targets.Where(t => t.StartsWith(domain + ".", StringComparison.Ordinal) && home.Entity(t) is not null))
        {
            changed.Add(home.Mutate(id, e => Change(home, e, service, data), contextId));
        }

        return changed;
    }

    private static void Change(EmulatedHome home, EmulatedEntity e, string service, JsonObject data)
    {
        switch (e.Domain, service)
        {
            case ("light", "turn_on"):
                LightTurnOn(e, data);
                break;
            case (_, "turn_on") when e.Domain is "scene":
                e.State = DateTimeOffset.UtcNow.ToString("O");
                RestoreScene(home, e);
                break;
            case (_, "turn_on"):
                e.State = e.Domain == "climate" ? "heat" : "on";
                break;
            case (_, "turn_off"):
                e.State = "off";
                e.Attributes["brightness"] = null;
                break;
            case (_, "toggle"):
                e.State = e.State == "on" ? "off" : "on";
                break;
            case (_, "open_cover" or "open_valve"):
                e.State = "open";
                e.Attributes["current_position"] = 100;
                break;
            case (_, "close_cover" or "close_valve"):
                e.State = "closed";
                e.Attributes["current_position"] = 0;
                break;
            case (_, "set_cover_position" or "set_valve_position"):
                var position = Number(data, "position", 0, 100);
                e.Attributes["current_position"] = position;
                e.State = position > 0 ? "open" : "closed";
                break;
            case (_, "lock" or "unlock" or "open"):
                e.State = service == "lock" ? "locked" : service == "unlock" ? "unlocked" : "open";
                break;
            case ("climate", "set_temperature"):
                var temperature = Number(data, "temperature", -273, 1000);
                if (temperature is < 7 or > 35)
                {
                    // HA checks the entity's min_temp/max_temp (defaults 7 and 35 °C) and raises a ServiceValidationError.
                    throw new EmulatorServiceException("service_validation_error", $"Validation error: Provided temperature {temperature:0.0} is not valid. Accepted range is 7 to 35");
                }

                e.Attributes["temperature"] = temperature;
                break;
            case ("climate", "set_hvac_mode"):
                e.State = Mode(e, data, "hvac_mode", "hvac_modes");
                break;
            case ("climate", "set_fan_mode"):
                e.Attributes["fan_mode"] = Mode(e, data, "fan_mode", "fan_modes");
                break;
            case ("media_player", "media_play"):
                e.State = "playing";
                break;
            case ("media_player", "media_pause"):
                e.State = "paused";
                break;
            case ("media_player", "volume_set"):
                e.Attributes["volume_level"] = Number(data, "volume_level", 0, 1);
                break;
            case ("vacuum", "start"):
                e.State = "cleaning";
                break;
            case ("vacuum", "return_to_base"):
                e.State = "returning";
                break;
            default:
                e.Attributes["last_service"] = service;
                break;
        }
    }

    /// <summary>A mode the entity does not list is refused, as HA's climate entity does (ServiceValidationError).</summary>
    private static string Mode(EmulatedEntity e, JsonObject data, string key, string listAttribute)
    {
        var mode = (string?)data[key] ?? throw new EmulatorServiceException("invalid_format", $"required key not provided @ data['{key}']");
        if (e.Attributes[listAttribute] is JsonArray modes && !modes.Any(m => (string?)m == mode))
        {
            throw new EmulatorServiceException("service_validation_error",
                $"Validation error: {key.Replace('_', ' ')} {mode} is not valid. Valid {listAttribute.Replace('_', ' ')} are: {string.Join(", ", modes.Select(m => (string?)m))}");
        }

        return mode;
    }

    private static void LightTurnOn(EmulatedEntity e, JsonObject data)
    {
        var current = e.State == "on" ? ToDouble(e.Attributes["brightness"]) ?? 255 : 0;
        double brightness = data.ContainsKey("brightness_pct") ? Math.Round(255 * Number(data, "brightness_pct", 0, 100) / 100)
            : data.ContainsKey("brightness") ? Number(data, "brightness", 0, 255)
            : data.ContainsKey("brightness_step_pct") ? Math.Clamp(current + Math.Round(255 * Number(data, "brightness_step_pct", -100, 100) / 100), 0, 255)
            : data.ContainsKey("brightness_step") ? Math.Clamp(current + Number(data, "brightness_step", -255, 255), 0, 255)
            : current == 0 ? 255 : current;
        if ((string?)data["color_name"] is { } color)
        {
            // Real HA logs a warning for an unknown name and falls back to white.
            e.Attributes["rgb_color"] = new JsonArray((ServiceSchemas.Colors.GetValueOrDefault(color) ?? [255, 255, 255]).Select(v => (JsonNode?)v).ToArray());
        }

        e.State = brightness <= 0 ? "off" : "on";
        e.Attributes["brightness"] = brightness <= 0 ? null : brightness;
    }

    private static double Number(JsonObject data, string key, double min, double max)
    {
        if (data[key] is not JsonValue value || value.GetValueKind() != System.Text.Json.JsonValueKind.Number || ToDouble(value) is not { } number || number < min || number > max)
        {
            throw new EmulatorServiceException("invalid_format", $"value must be a number between {min} and {max} for dictionary value @ data['{key}']");
        }

        return number;
    }

    private static double? ToDouble(JsonNode? node) =>
        node is null ? null
        : double.TryParse(node.ToJsonString().Trim('"'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d
        : null;

    private static JsonObject SceneCreate(EmulatedHome home, JsonObject data, string contextId)
    {
        var sceneId = (string?)data["scene_id"];
        if (string.IsNullOrEmpty(sceneId) || sceneId.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')))
        {
            throw new EmulatorServiceException("invalid_format", "invalid slug for dictionary value @ data['scene_id']");
        }

        var snapshot = new JsonObject();
        foreach (var id in (data["snapshot_entities"] as JsonArray ?? []).Select(n => (string?)n).OfType<string>())
        {
            if (home.Entity(id) is { } entity)
            {
                snapshot[id] = new JsonObject { ["state"] = entity.State, ["attributes"] = entity.Attributes.DeepClone() };
            }
        }

        var entityId = "scene." + sceneId;
        if (home.Entity(entityId) is not null)
        {
            return home.Mutate(entityId, e => e.Attributes["snapshot"] = snapshot, contextId);
        }

        var scene = new EmulatedEntity
        {
            EntityId = entityId, Name = null, InRegistry = false, State = "unknown", ContextId = contextId,
            Attributes = new JsonObject { ["friendly_name"] = sceneId, ["snapshot"] = snapshot },
        };
        home.Add(scene);
        return scene.ToStateObject();
    }

    private static void RestoreScene(EmulatedHome home, EmulatedEntity scene)
    {
        if (scene.Attributes["snapshot"] is not JsonObject snapshot)
        {
            return;
        }

        foreach (var (id, saved) in snapshot)
        {
            if (home.Entity(id) is not null && saved is JsonObject s)
            {
                home.Mutate(id, e =>
                {
                    e.State = (string?)s["state"] ?? e.State;
                    e.Attributes = s["attributes"]?.DeepClone() as JsonObject ?? e.Attributes;
                }, scene.ContextId);
            }
        }
    }
}
