namespace Jarvis.Server.Tests.HomeAssistant.Emulator;

/// <summary>The data keys each emulated service accepts (anything else is rejected) and the colour names it knows.</summary>
internal static class ServiceSchemas
{
    private static readonly string[] LightOn = ["brightness", "brightness_pct", "brightness_step", "brightness_step_pct", "color_name", "rgb_color", "hs_color", "xy_color", "color_temp_kelvin", "transition", "flash", "effect", "white"];

    public static readonly Dictionary<string, string[]> Keys = new(StringComparer.Ordinal)
    {
        ["light.turn_on"] = LightOn, ["light.toggle"] = LightOn, ["light.turn_off"] = ["transition", "flash"],
        ["switch.turn_on"] = [], ["switch.turn_off"] = [], ["switch.toggle"] = [],
        ["fan.turn_on"] = ["percentage", "preset_mode"], ["fan.turn_off"] = [], ["fan.toggle"] = [],
        ["cover.open_cover"] = [], ["cover.close_cover"] = [], ["cover.stop_cover"] = [], ["cover.toggle"] = [], ["cover.set_cover_position"] = ["position"],
        ["valve.open_valve"] = [], ["valve.close_valve"] = [], ["valve.set_valve_position"] = ["position"],
        ["lock.lock"] = ["code"], ["lock.unlock"] = ["code"], ["lock.open"] = ["code"],
        ["scene.turn_on"] = ["transition"], ["scene.create"] = ["scene_id", "snapshot_entities", "entities"],
        ["script.turn_on"] = ["variables"], ["script.turn_off"] = [],
        ["climate.set_temperature"] = ["temperature", "target_temp_low", "target_temp_high", "hvac_mode"], ["climate.set_hvac_mode"] = ["hvac_mode"], ["climate.set_fan_mode"] = ["fan_mode"],
        ["climate.turn_on"] = [], ["climate.turn_off"] = [],
        ["media_player.media_play"] = [], ["media_player.media_pause"] = [], ["media_player.media_play_pause"] = [], ["media_player.media_stop"] = [],
        ["media_player.media_next_track"] = [], ["media_player.media_previous_track"] = [], ["media_player.volume_set"] = ["volume_level"],
        ["media_player.volume_up"] = [], ["media_player.volume_down"] = [], ["media_player.turn_on"] = [], ["media_player.turn_off"] = [],
        ["vacuum.start"] = [], ["vacuum.stop"] = [], ["vacuum.pause"] = [], ["vacuum.return_to_base"] = [],
    };

    public static readonly Dictionary<string, int[]> Colors = new(StringComparer.Ordinal)
    {
        ["red"] = [255, 0, 0], ["green"] = [0, 128, 0], ["blue"] = [0, 0, 255], ["white"] = [255, 255, 255], ["yellow"] = [255, 255, 0],
        ["orange"] = [255, 165, 0], ["purple"] = [128, 0, 128], ["pink"] = [255, 192, 203],
    };
}
