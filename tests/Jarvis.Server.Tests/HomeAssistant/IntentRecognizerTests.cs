using Jarvis.Server.HomeAssistant.Intents;
using Jarvis.Server.HomeAssistant.Model;
using Jarvis.Server.Tests.HomeAssistant.Emulator;

namespace Jarvis.Server.Tests.HomeAssistant;

/// <summary>Phrasings written for Jarvis (not in the corpus) against the fixture home: the grammar must generalise.</summary>
public sealed class IntentRecognizerTests
{
    private static readonly HomeSnapshot Home = FixtureHome.Load(CorpusPaths.Fixtures).Registries;

    [Theory]
    [InlineData("switch on the bedroom lamp", null, "HassTurnOn", "name=Bedroom Lamp")]
    [InlineData("raise the blinds in the kitchen", null, "HassTurnOn", "area=Kitchen;domain=cover;device_class=blind")]
    [InlineData("lower the shades in the guest room", null, "HassTurnOff", "area=Guest Room;device_class=shade")]
    [InlineData("lights out in the bedroom", null, "HassTurnOff", "area=Bedroom;domain=light")]
    [InlineData("turn on the basement lights", null, "HassTurnOn", "floor=Basement;domain=light")]
    [InlineData("turn off the fan", "living_room_id", "HassTurnOff", "area=Living Room;domain=fan")]
    [InlineData("unlock the sliding doors", null, "HassTurnOff", "name=Sliding Doors;domain=lock")]
    [InlineData("dim the kitchen lights to 20%", null, "HassLightSet", "area=Kitchen;brightness=20")]
    [InlineData("make the bedroom lamp blue", null, "HassLightSet", "name=Bedroom Lamp;color=blue")]
    [InlineData("set the brightness of the kitchen lights to fifty percent", null, "HassLightSet", "area=Kitchen;brightness=50")]
    [InlineData("set the thermostat to 72", null, "HassClimateSetTemperature", "name=Thermostat;temperature=72")]
    [InlineData("set the temperature to seventy two degrees", null, "HassClimateSetTemperature", "temperature=72")]
    [InlineData("open the curtain left halfway", null, "HassSetPosition", "name=Curtain Left;position=50")]
    [InlineData("previous track on the TV", null, "HassMediaPrevious", "name=TV")]
    [InlineData("TV volume 40%", null, "HassSetVolume", "name=TV;volume_level=40")]
    [InlineData("send rover back to base", null, "HassVacuumReturnToBase", "name=Rover")]
    [InlineData("start vacuuming the kitchen", null, "HassVacuumStart", "area=Kitchen")]
    [InlineData("is the back door unlocked?", null, "HassGetState", "name=Back Door;domain=lock;state=unlocked")]
    [InlineData("which doors are unlocked?", null, "HassGetState", "domain=lock;state=unlocked")]
    [InlineData("are any windows open?", null, "HassGetState", "domain=binary_sensor;device_class=window;state=on")]
    [InlineData("is the phone plugged in?", null, "HassGetState", "name=Phone;device_class=plug;state=on")]
    [InlineData("is there a problem with the pet feeder?", null, "HassGetState", "name=Pet Feeder;device_class=problem;state=on")]
    [InlineData("who's home?", null, "HassGetState", "domain=person;state=home")]
    [InlineData("how cold is it in the bedroom", null, "HassClimateGetTemperature", "area=Bedroom")]
    [InlineData("what's the wind speed of mistral", null, "HassGetState", "name=Mistral;device_class=wind_speed")]
    [InlineData("is any light on in the kitchen", null, "HassGetState", "area=Kitchen;domain=light;state=on")]
    [InlineData("set the living room curtains to 40%", null, "HassSetPosition", "area=Living Room;device_class=curtain;position=40")]
    [InlineData("return the rover to its base", null, "HassVacuumReturnToBase", "name=Rover")]
    [InlineData("turn down the volume to 20 on the TV", null, "HassSetVolume", "name=TV;volume_level=20")]
    [InlineData("set the office temperature to 22.5", null, "HassClimateSetTemperature", "area=Office;temperature=22.5")]
    [InlineData("which locks are unlocked", null, "HassGetState", "domain=lock;state=unlocked")]
    [InlineData("set the thermostat to cool", null, "JarvisClimateSetMode", "name=Thermostat;hvac_mode=cool")]
    [InlineData("switch the office thermostat to heat mode", null, "JarvisClimateSetMode", "name=Office Thermostat;hvac_mode=heat")]
    [InlineData("put the heating on auto", "living_room_id", "JarvisClimateSetMode", "area=Living Room;domain=climate;hvac_mode=auto")]
    [InlineData("set the thermostat fan to high", null, "JarvisClimateSetFanMode", "name=Thermostat;fan_mode=high")]
    [InlineData("set the fan mode to low", "living_room_id", "JarvisClimateSetFanMode", "area=Living Room;domain=climate;fan_mode=low")]
    [InlineData("turn off the heating", "living_room_id", "HassTurnOff", "area=Living Room;domain=climate")]
    [InlineData("set the heat to 20", null, "HassClimateSetTemperature", "temperature=20")]
    [InlineData("make the TV quieter", null, "HassSetVolumeRelative", "name=TV")]
    public void Unseen_phrasings_are_understood(string sentence, string? speakerArea, string intent, string slots)
    {
        var match = IntentRecognizer.Recognize(sentence, Home, speakerArea);

        Assert.NotNull(match);
        Assert.Equal(intent, match.Intent);
        var actual = match.ToSlots(Home);
        foreach (var pair in slots.Split(';'))
        {
            var (key, value) = (pair.Split('=')[0], pair.Split('=')[1]);
            Assert.True(actual.TryGetValue(key, out var got), $"slot {key} missing in {string.Join(", ", actual)}");
            Assert.Equal(value, Convert.ToString(got, System.Globalization.CultureInfo.InvariantCulture), ignoreCase: true);
        }
    }

    [Theory]
    [InlineData("tell me a joke")]
    [InlineData("what's the capital of France")]
    [InlineData("it's getting dark")]
    public void Sentences_not_about_devices_are_not_matched(string sentence) =>
        Assert.Null(IntentRecognizer.Recognize(sentence, Home, "kitchen_id"));

    [Fact]
    public void Relative_change_with_a_pronoun_refers_to_the_previous_targets()
    {
        var match = IntentRecognizer.Recognize("Actually, dim them a bit", Home, "kitchen_id");

        Assert.NotNull(match);
        Assert.Equal(IntentNames.LightSet, match.Intent);
        Assert.True(match.Target.IsPronoun);
        Assert.Equal(-30, match.BrightnessStep);
    }

    [Theory]
    [InlineData("20.5", 20.5)]
    [InlineData("twenty point five", 20.5)]
    [InlineData("seventy two", 72)]
    [InlineData("a hundred", 100)]
    [InlineData("one hundred and five", 105)]
    public void Numbers_are_read_from_digits_and_words(string text, double expected)
    {
        var tokens = TextTokenizer.Tokenize(text);
        Assert.Equal(tokens.Count, NumberWords.TryRead(tokens, 0, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Tokenizer_splits_units_and_drops_possessives()
    {
        Assert.Equal(["set", "the", "heat", "pump", "sensor", "to", "50", "percent", "and", "1", "degrees"], TextTokenizer.Tokenize("Set the heat pump sensor's to 50% and 1°!"));
        Assert.Equal(["living", "room", "pm2.5", "sensor"], TextTokenizer.Tokenize("Living room PM2.5 sensor"));
    }
}
