namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>
/// Climate modes and fan speeds: a climate device (a thermostat's name, "thermostat", "heating", "AC") with a mode word
/// ("set the thermostat to cool", "put the heating on auto") or, with "fan", a speed ("set the thermostat fan to high",
/// "set the fan mode to low"). A number means a temperature instead (<see cref="CommandRules"/>).
/// </summary>
internal static class ClimateRules
{
    public static IntentMatch? Match(Utterance u)
    {
        if (u.Number is not null)
        {
            return null;
        }

        var climate = u.Tags.Where(t => IsClimate(u, t)).ToHashSet();
        var fanModeSaid = u.Has(WordKind.Attribute, "fan_mode");
        if (climate.Count == 0 && !fanModeSaid)
        {
            return null;
        }

        var others = u.Tags.Where(t => !climate.Contains(t)).SelectMany(t => t.Words).ToList();
        var target = CommandTargets.Build(u, k => k.Domain == "climate", impliedDomain: "climate", pronouns: false);
        if (fanModeSaid || others.Any(w => w.Kind == WordKind.Noun && w.DeviceKinds.Any(k => k.Domain == "fan")))
        {
            return others.FirstOrDefault(w => w.Kind == WordKind.FanSpeed) is { } speed
                ? new IntentMatch(IntentNames.ClimateSetFanMode, target) { FanMode = speed.Value }
                : null;
        }

        return others.FirstOrDefault(w => w.Kind == WordKind.HvacMode) is { } mode
            ? new IntentMatch(IntentNames.ClimateSetMode, target) { HvacMode = mode.Value }
            : null;
    }

    private static bool IsClimate(Utterance u, Tag tag) =>
        tag.Names.Any(n => n.Kind == NameKind.Entity && u.Home.Entity(n.Id)?.Domain == "climate")
        || tag.Words.Any(w => w.Kind == WordKind.Noun && w.DeviceKinds.Any(k => k.Domain == "climate"));
}
