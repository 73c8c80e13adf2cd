namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>State words of questions ("is the garage door open?") and the raw HA states they ask about.</summary>
public static class Predicates
{
    private static readonly string[] Openings = ["door", "garage_door", "opening", "window"];
    private static readonly string[] Sensing = ["carbon_monoxide", "gas", "light", "motion", "occupancy", "smoke", "sound", "power", "moisture", "vibration", "tamper", "problem", "safety", "heat", "cold"];

    private static readonly Dictionary<string, PredicateOption[]> Options = new(StringComparer.Ordinal)
    {
        ["on"] = [new(null, "on")],
        ["off"] = [new(null, "off")],
        ["open"] = [.. Binary(Openings, "on"), new(new("cover"), "open"), new(new("valve"), "open")],
        ["closed"] = [.. Binary(Openings, "off"), new(new("cover"), "closed"), new(new("valve"), "closed")],
        ["locked"] = [new(new("lock"), "locked"), new(new("binary_sensor", "lock"), "off")],
        ["unlocked"] = [new(new("lock"), "unlocked"), new(new("binary_sensor", "lock"), "on")],
        ["low"] = [new(new("binary_sensor", "battery"), "on")],
        ["charged"] = [new(new("binary_sensor", "battery"), "off")],
        ["charging"] = [new(new("binary_sensor", "battery_charging"), "on")],
        ["detected"] = [.. Binary(Sensing, "on"), new(new("binary_sensor", "presence"), "on")],
        ["clear"] = [.. Binary(Sensing, "off")],
        ["cold"] = [new(new("binary_sensor", "cold"), "on")],
        ["hot"] = [new(new("binary_sensor", "heat"), "on")],
        ["connected"] = [new(new("binary_sensor", "connectivity"), "on")],
        ["disconnected"] = [new(new("binary_sensor", "connectivity"), "off")],
        ["wet"] = [new(new("binary_sensor", "moisture"), "on")],
        ["dry"] = [new(new("binary_sensor", "moisture"), "off")],
        ["occupied"] = [new(new("binary_sensor", "occupancy"), "on")],
        ["plugged"] = [new(new("binary_sensor", "plug"), "on")],
        ["unplugged"] = [new(new("binary_sensor", "plug"), "off")],
        ["powered"] = [new(new("binary_sensor", "power"), "on")],
        ["home"] = [new(new("binary_sensor", "presence"), "on"), new(new("person"), "home")],
        ["away"] = [new(new("binary_sensor", "presence"), "off"), new(new("person"), "not_home")],
        ["running"] = [new(new("binary_sensor", "running"), "on"), new(new("vacuum"), "cleaning")],
        ["vibrating"] = [new(new("binary_sensor", "vibration"), "on")],
        ["updated"] = [new(new("binary_sensor", "update"), "off")],
        ["available"] = [new(new("binary_sensor", "update"), "on")],
        ["problem"] = [new(new("binary_sensor", "problem"), "on")],
        ["safe"] = [new(new("binary_sensor", "safety"), "off")],
        ["unsafe"] = [new(new("binary_sensor", "safety"), "on")],
        ["tampered"] = [new(new("binary_sensor", "tamper"), "on")],
        ["playing"] = [new(new("media_player"), "playing")],
        ["paused"] = [new(new("media_player"), "paused")],
    };

    /// <summary>Used for "is there any smoke?": a sensing noun without a state word asks whether it is on.</summary>
    public static IReadOnlyList<PredicateOption> Existence { get; } = [.. Binary([.. Sensing, "battery", "update"], "on")];

    public static IReadOnlyList<PredicateOption> For(string key) => Options.TryGetValue(key, out var options) ? options : [];

    private static IEnumerable<PredicateOption> Binary(IEnumerable<string> classes, string state) =>
        classes.Select(c => new PredicateOption(new DeviceKind("binary_sensor", c), state));
}
