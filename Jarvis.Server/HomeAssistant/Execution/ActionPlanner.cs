using System.Text.Json.Nodes;
using Jarvis.Server.HomeAssistant.Intents;
using Jarvis.Server.HomeAssistant.Model;

namespace Jarvis.Server.HomeAssistant.Execution;

/// <summary>Maps a recognised command on resolved entities to Home Assistant service calls (grouped per domain).</summary>
public static class ActionPlanner
{
    public static IReadOnlyList<ServiceCall> Plan(IntentMatch match, IReadOnlyList<HomeEntity> entities, HomeModel model)
    {
        var calls = new List<ServiceCall>();
        foreach (var group in entities.GroupBy(e => e.Domain))
        {
            var ids = group.Select(e => e.EntityId).ToList();
            if (PlanDomain(match, group.Key, ids, model) is { } call)
            {
                calls.Add(call);
            }
        }

        return calls;
    }

    private static ServiceCall? PlanDomain(IntentMatch match, string domain, List<string> ids, HomeModel model)
    {
        return match.Intent switch
        {
            IntentNames.TurnOn => OnOff(domain, ids, on: true),
            IntentNames.TurnOff => OnOff(domain, ids, on: false),
            IntentNames.LightSet when domain == "light" => LightSet(match, ids),
            IntentNames.ClimateSetTemperature when domain == "climate" => Temperature(match, ids, model),
            IntentNames.SetPosition when domain is "cover" or "valve" => new ServiceCall(domain, domain == "cover" ? "set_cover_position" : "set_valve_position",
                new JsonObject { ["position"] = Clamp(match.Position ?? 0, 0, 100) }, ids,
                s => s.NumericAttribute(domain == "cover" ? "current_position" : "current_position") is { } p && Math.Abs(p - (match.Position ?? 0)) < 1),
            IntentNames.MediaPause when domain == "media_player" => new ServiceCall(domain, "media_pause", [], ids, s => s.State == "paused"),
            IntentNames.MediaUnpause when domain == "media_player" => new ServiceCall(domain, "media_play", [], ids, s => s.State == "playing"),
            IntentNames.MediaNext when domain == "media_player" => new ServiceCall(domain, "media_next_track", [], ids, null),
            IntentNames.MediaPrevious when domain == "media_player" => new ServiceCall(domain, "media_previous_track", [], ids, null),
            IntentNames.SetVolume when domain == "media_player" => Volume(Clamp(match.VolumeLevel ?? 0, 0, 100) / 100, ids),
            IntentNames.SetVolumeRelative when domain == "media_player" => Volume(Clamp(((model.State(ids[0])?.NumericAttribute("volume_level") ?? 0.5) * 100) + (match.VolumeStep ?? 0), 0, 100) / 100, ids),
            IntentNames.VacuumStart when domain == "vacuum" => new ServiceCall(domain, "start", [], ids, s => s.State == "cleaning"),
            IntentNames.VacuumReturnToBase when domain == "vacuum" => new ServiceCall(domain, "return_to_base", [], ids, s => s.State is "returning" or "docked"),
            IntentNames.ClimateSetMode when domain == "climate" => ClimateMode(match.HvacMode, ids, model),
            IntentNames.ClimateSetFanMode when domain == "climate" && model.State(ids[0])?.ListAttributeAllows("fan_modes", match.FanMode) != false && match.FanMode is not null =>
                new ServiceCall(domain, "set_fan_mode", new JsonObject { ["fan_mode"] = match.FanMode }, ids, s => s.Attribute("fan_mode") == match.FanMode),
            _ => null,
        };
    }

    private static ServiceCall? OnOff(string domain, List<string> ids, bool on) => domain switch
    {
        "cover" => new ServiceCall(domain, on ? "open_cover" : "close_cover", [], ids, s => on ? s.State is "open" or "opening" : s.State is "closed" or "closing"),
        "valve" => new ServiceCall(domain, on ? "open_valve" : "close_valve", [], ids, s => on ? s.State is "open" or "opening" : s.State is "closed" or "closing"),
        "lock" => new ServiceCall(domain, on ? "lock" : "unlock", [], ids, s => on ? s.State is "locked" or "locking" : s.State is "unlocked" or "unlocking" or "open"),
        "scene" => on ? new ServiceCall(domain, "turn_on", [], ids, null) : null,
        "script" => new ServiceCall(domain, on ? "turn_on" : "turn_off", [], ids, null),
        "vacuum" => new ServiceCall(domain, on ? "start" : "return_to_base", [], ids, null),
        "climate" => new ServiceCall(domain, on ? "turn_on" : "turn_off", [], ids, s => on ? s.State != "off" : s.State == "off"),
        "media_player" => new ServiceCall(domain, on ? "turn_on" : "turn_off", [], ids, s => on ? s.State != "off" : s.State is "off" or "standby"),
        "light" or "switch" or "fan" or "input_boolean" or "siren" or "humidifier" or "automation" =>
            new ServiceCall(domain, on ? "turn_on" : "turn_off", [], ids, s => s.State == (on ? "on" : "off")),
        _ => null,
    };

    /// <summary>"auto" is HA's <c>heat_cool</c> on a device that has no <c>auto</c> mode; a mode the device lacks is not sent.</summary>
    private static ServiceCall? ClimateMode(string? mode, List<string> ids, HomeModel model)
    {
        var state = model.State(ids[0]);
        var wanted = mode == "auto" && state?.ListAttributeAllows("hvac_modes", "auto") != true && state?.ListAttributeAllows("hvac_modes", "heat_cool") == true
            ? "heat_cool"
            : mode;
        return wanted is not null && state?.ListAttributeAllows("hvac_modes", wanted) != false
            ? new ServiceCall("climate", "set_hvac_mode", new JsonObject { ["hvac_mode"] = wanted }, ids, s => s.State == wanted)
            : null;
    }

    private static ServiceCall LightSet(IntentMatch match, List<string> ids)
    {
        var data = new JsonObject();
        if (match.Color is { } color)
        {
            data["color_name"] = Colors.ToCssName(color);
        }
        else if (match.Brightness is { } brightness)
        {
            data["brightness_pct"] = Clamp(brightness, 0, 100);
        }
        else if (match.BrightnessStep is { } step)
        {
            data["brightness_step_pct"] = Clamp(step, -100, 100);
        }

        var turnsOff = match.Brightness is 0;
        return new ServiceCall("light", "turn_on", data, ids, s => s.State == (turnsOff ? "off" : "on"));
    }

    private static ServiceCall Temperature(IntentMatch match, List<string> ids, HomeModel model)
    {
        var target = match.Temperature
            ?? ((model.State(ids[0])?.NumericAttribute("temperature") ?? model.State(ids[0])?.NumericAttribute("current_temperature") ?? 20) + (match.TemperatureStep ?? 0));
        return new ServiceCall("climate", "set_temperature", new JsonObject { ["temperature"] = target }, ids,
            s => s.NumericAttribute("temperature") is { } t && Math.Abs(t - target) < 0.01);
    }

    private static ServiceCall Volume(double level, List<string> ids) =>
        new("media_player", "volume_set", new JsonObject { ["volume_level"] = Math.Round(level, 2) }, ids,
            s => s.NumericAttribute("volume_level") is { } v && Math.Abs(v - Math.Round(level, 2)) < 0.011);

    private static double Clamp(double value, double min, double max) => Math.Min(max, Math.Max(min, value));
}
