using Jarvis.Server.HomeAssistant.Model;
using Jarvis.Server.Timers.Grammar;

namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>A recognised command or question: intent, target and the values it carries.</summary>
public sealed record IntentMatch(string Intent, IntentTarget Target)
{
    public double? Brightness { get; init; }

    /// <summary>Relative brightness change in percent points (negative = dimmer).</summary>
    public double? BrightnessStep { get; init; }

    public string? Color { get; init; }

    public double? Temperature { get; init; }

    public double? TemperatureStep { get; init; }

    public double? Position { get; init; }

    public double? VolumeLevel { get; init; }

    /// <summary>Relative volume change in percent points.</summary>
    public double? VolumeStep { get; init; }

    /// <summary>For <see cref="IntentNames.ClimateSetMode"/>: HA's <c>hvac_mode</c> ("heat", "cool", "auto" …).</summary>
    public string? HvacMode { get; init; }

    /// <summary>For <see cref="IntentNames.ClimateSetFanMode"/>: the <c>fan_mode</c> ("low", "medium", "high", "auto").</summary>
    public string? FanMode { get; init; }

    /// <summary>For state questions: the raw HA state asked about (null = "what is").</summary>
    public string? State { get; init; }

    /// <summary>For state questions: the form of the answer wanted.</summary>
    public QueryForm Query { get; init; }

    /// <summary>For <see cref="IntentNames.SaveScene"/>: the name the user gave.</summary>
    public string? SceneName { get; init; }

    /// <summary>For timer and broadcast intents: what the sentence said (<see cref="TimerGrammar"/>).</summary>
    public TimerSentence? Timer { get; init; }

    /// <summary>Slots in the conventions of Home Assistant's intent tests (names, "all", numbers as numbers).</summary>
    public Dictionary<string, object> ToSlots(HomeSnapshot home)
    {
        var slots = new Dictionary<string, object>(StringComparer.Ordinal);
        if (Timer is not null)
        {
            Timer.PutSlots(slots, home);
            return slots;
        }

        if (Target.Name is { } name)
        {
            slots["name"] = name;
        }
        else if (Target.Domain is not null && Intent is IntentNames.TurnOn or IntentNames.TurnOff)
        {
            slots["name"] = "all";
        }

        Put(slots, "area", home.Area(Target.AreaId)?.Name);
        Put(slots, "floor", home.Floor(Target.FloorId)?.Name);
        Put(slots, "domain", Target.Domain);
        Put(slots, "device_class", Target.DeviceClass);
        Put(slots, "state", State);
        Put(slots, "color", Color);
        Put(slots, "brightness", Brightness);
        Put(slots, "temperature", Temperature);
        Put(slots, "position", Position);
        Put(slots, "volume_level", VolumeLevel);
        Put(slots, "hvac_mode", HvacMode);
        Put(slots, "fan_mode", FanMode);
        return slots;
    }

    private static void Put(Dictionary<string, object> slots, string key, object? value)
    {
        if (value is not null)
        {
            slots[key] = value;
        }
    }
}
