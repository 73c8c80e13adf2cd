namespace Jarvis.Satellite.Tests.Hardware;

/// <summary>
/// Finds the ReSpeaker HAT's devices, so that hardware tests run on a Pi with the HAT and report themselves skipped,
/// with what is missing, everywhere else (the README's plain <c>dotnet test Jarvis.sln</c> passes on any machine).
/// </summary>
internal static class RespeakerHat
{
    /// <summary>The LED ring's SPI device (bus 0, chip select 1: <see cref="Jarvis.Satellite.Leds.LedOptions"/> defaults).</summary>
    public const string SpiDevice = "/dev/spidev0.1";

    /// <summary>The Pi's GPIO chip (LED power pin, button).</summary>
    public const string GpioChip = "/dev/gpiochip0";

    /// <summary>ALSA's list of sound cards; the HAT's driver names its card "seeed-2mic-voicecard" (or 4mic).</summary>
    public const string SoundCards = "/proc/asound/cards";

    /// <summary>Skips the calling test unless the HAT's LEDs can be driven (SPI enabled and GPIO present).</summary>
    public static void SkipUnlessLedsPresent()
    {
        Skip.IfNot(File.Exists(SpiDevice), $"no ReSpeaker HAT here: {SpiDevice} does not exist (on a Pi enable SPI: dtparam=spi=on).");
        Skip.IfNot(File.Exists(GpioChip), $"no ReSpeaker HAT here: {GpioChip} does not exist (not a Raspberry Pi).");
    }

    /// <summary>Skips the calling test unless ALSA lists the HAT's seeed sound card.</summary>
    public static void SkipUnlessSoundCardPresent()
    {
        var cards = File.Exists(SoundCards) ? File.ReadAllText(SoundCards) : "";
        Skip.IfNot(
            cards.Contains("seeed", StringComparison.OrdinalIgnoreCase),
            $"no ReSpeaker HAT here: {SoundCards} lists no seeed sound card (install the seeed-voicecard driver on the Pi).");
    }
}
