namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>Intent names: Home Assistant's built-in ones plus Jarvis's own (prefixed "Jarvis").</summary>
public static class IntentNames
{
    public const string TurnOn = "HassTurnOn";
    public const string TurnOff = "HassTurnOff";
    public const string LightSet = "HassLightSet";
    public const string ClimateSetTemperature = "HassClimateSetTemperature";
    public const string ClimateGetTemperature = "HassClimateGetTemperature";
    public const string GetState = "HassGetState";
    public const string SetPosition = "HassSetPosition";
    public const string MediaPause = "HassMediaPause";
    public const string MediaUnpause = "HassMediaUnpause";
    public const string MediaNext = "HassMediaNext";
    public const string MediaPrevious = "HassMediaPrevious";
    public const string SetVolume = "HassSetVolume";
    public const string SetVolumeRelative = "HassSetVolumeRelative";
    public const string VacuumStart = "HassVacuumStart";
    public const string VacuumReturnToBase = "HassVacuumReturnToBase";
    public const string SaveScene = "JarvisSaveScene";
    public const string ClimateSetMode = "JarvisClimateSetMode";
    public const string ClimateSetFanMode = "JarvisClimateSetFanMode";
}
