namespace Jarvis.Server.Tests.Conversation;

/// <summary>
/// The plan's command classes as spoken in the kitchen of the plan's home (<c>Answering/Fixtures/plan-home.json</c>), in an
/// order where each builds on the last ("make them blue" = the living-room lights set just before), with the Home Assistant
/// call each must make (none for questions) and, for questions, the answer that must be spoken.
/// </summary>
internal static class HomeCommandClasses
{
    public static readonly IReadOnlyList<HomeCommandCase> All =
    [
        new("Turn on the lights", "light", "turn_on", ["light.kitchen_ceiling"], null),
        new("Turn off the living room lamp", "light", "turn_off", ["light.living_room_lamp"], null),
        new("Set the living room lights to 40 percent", "light", "turn_on", ["light.living_room_ceiling", "light.living_room_lamp"], "\"brightness_pct\":40"),
        new("Make them blue", "light", "turn_on", ["light.living_room_ceiling", "light.living_room_lamp"], "\"color_name\":\"blue\""),
        new("Set the thermostat to 22 degrees", "climate", "set_temperature", ["climate.thermostat"], "\"temperature\":22"),
        new("Set the thermostat to cool", "climate", "set_hvac_mode", ["climate.thermostat"], "\"hvac_mode\":\"cool\""),
        new("Set the thermostat fan to high", "climate", "set_fan_mode", ["climate.thermostat"], "\"fan_mode\":\"high\""),
        new("Lock the front door", "lock", "lock", ["lock.front_door"], null),
        new("Pause the TV", "media_player", "media_pause", ["media_player.tv"], null),
        new("Turn the TV volume down", "media_player", "volume_set", ["media_player.tv"], "\"volume_level\":0.4"),
        new("Activate party mode", "scene", "turn_on", ["scene.party_mode"], null),
        new("Is the garage door open?", null, null, [], "Yes."),
        new("What's the temperature in the kitchen?", null, null, [], "It's 21.5 degrees in the kitchen."),
    ];
}

/// <param name="Data">For a command, a piece of the call's JSON data; for a question, the spoken answer.</param>
internal sealed record HomeCommandCase(string Said, string? Domain, string? Service, string[] Targets, string? Data)
{
    public bool IsQuestion => Domain is null;

    public override string ToString() => Said;
}
