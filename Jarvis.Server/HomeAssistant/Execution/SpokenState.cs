using Jarvis.Server.HomeAssistant.Model;

namespace Jarvis.Server.HomeAssistant.Execution;

/// <summary>How a state sounds when spoken ("on" of a door sensor is "open", of a battery sensor "low").</summary>
public static class SpokenState
{
    private static readonly Dictionary<string, (string On, string Off)> BinaryWords = new(StringComparer.Ordinal)
    {
        ["battery"] = ("low", "normal"), ["battery_charging"] = ("charging", "not charging"), ["cold"] = ("cold", "normal"),
        ["connectivity"] = ("connected", "disconnected"), ["door"] = ("open", "closed"), ["garage_door"] = ("open", "closed"),
        ["opening"] = ("open", "closed"), ["window"] = ("open", "closed"), ["heat"] = ("hot", "normal"), ["lock"] = ("unlocked", "locked"),
        ["moisture"] = ("wet", "dry"), ["occupancy"] = ("detected", "clear"), ["motion"] = ("detected", "clear"), ["plug"] = ("plugged in", "unplugged"),
        ["power"] = ("powered", "not powered"), ["presence"] = ("home", "away"), ["problem"] = ("a problem", "OK"), ["running"] = ("running", "not running"),
        ["safety"] = ("unsafe", "safe"), ["update"] = ("update available", "up to date"), ["vibration"] = ("vibrating", "not vibrating"),
        ["smoke"] = ("detected", "clear"), ["gas"] = ("detected", "clear"), ["carbon_monoxide"] = ("detected", "clear"), ["sound"] = ("detected", "clear"),
        ["tamper"] = ("tampered with", "clear"), ["light"] = ("detected", "no light"),
    };

    public static string Say(HomeEntity entity, EntityState? state)
    {
        if (state is null || state.State is "unavailable" or "unknown")
        {
            return "unknown";
        }

        if (entity.Domain == "binary_sensor" && entity.DeviceClass is { } deviceClass && BinaryWords.TryGetValue(deviceClass, out var words))
        {
            return state.State == "on" ? words.On : words.Off;
        }

        var unit = state.Attribute("unit_of_measurement");
        var text = state.State switch
        {
            "not_home" => "away",
            var s => s.Replace('_', ' '),
        };
        return unit is null ? text : $"{text} {unit}";
    }
}
