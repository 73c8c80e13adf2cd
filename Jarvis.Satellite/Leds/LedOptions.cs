using System.ComponentModel.DataAnnotations;

namespace Jarvis.Satellite.Leds;

/// <summary>LED hardware and look. Section <c>Satellite:Leds</c>.</summary>
public sealed class LedOptions
{
    public LedProfile Profile { get; set; } = LedProfile.None;

    [Range(0, 31)]
    public int Brightness { get; set; } = 16;

    [Range(0, 5000)]
    public int TransitionMilliseconds { get; set; } = 250;

    /// <summary>SPI bus for APA102 profiles.</summary>
    [Range(0, 10)]
    public int SpiBus { get; set; }

    /// <summary>SPI chip select (APA102 ignores CS: use whichever /dev/spidevB.C exists). Default 1 (Seeed, wyoming).</summary>
    [Range(0, 3)]
    public int SpiChipSelect { get; set; } = 1;

    [Range(100_000, 32_000_000)]
    public int SpiClockHz { get; set; } = 8_000_000;

    /// <summary>2-mic HAT: drive GPIO12 low to power the LEDs (wyoming's example does; Seeed's does not).</summary>
    public bool TwoMicPowerPin { get; set; }

    /// <summary>Pins for the <see cref="LedProfile.Gpio"/> profile.</summary>
    public int[] GpioPins { get; set; } = [];
}
