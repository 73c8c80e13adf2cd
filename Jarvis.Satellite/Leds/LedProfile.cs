namespace Jarvis.Satellite.Leds;

/// <summary>Which LED hardware the satellite has.</summary>
public enum LedProfile
{
    /// <summary>No LEDs.</summary>
    None,

    /// <summary>ReSpeaker 2-Mics Pi HAT: 3 APA102 on SPI0 (optionally GPIO12 driven low to power them).</summary>
    ReSpeaker2Mic,

    /// <summary>ReSpeaker 4-Mic Array: 12 APA102 on /dev/spidev0.1, LED power on GPIO5 (high).</summary>
    ReSpeaker4Mic,

    /// <summary>Plain LEDs on the GPIO pins listed in <see cref="LedOptions.GpioPins"/>.</summary>
    Gpio,
}
