using System.Device.Gpio;
using System.Device.Spi;

namespace Jarvis.Satellite.Leds;

/// <summary>Builds the strip of a profile: APA102 over SPI (with its power pin) or GPIO LEDs.</summary>
public sealed class LedHardware : IDisposable
{
    public const int TwoMicPowerPin = 12;
    public const int FourMicPowerPin = 5;

    private readonly GpioController? gpio;
    private readonly int? powerPin;

    private LedHardware(ILedStrip strip, GpioController? gpio, int? powerPin)
    {
        Strip = strip;
        this.gpio = gpio;
        this.powerPin = powerPin;
    }

    public ILedStrip Strip { get; }

    /// <param name="options">Profile and SPI settings.</param>
    /// <param name="openSpi">Opens the SPI device (<c>SpiDevice.Create</c> on a Pi, a recorder in tests).</param>
    /// <param name="openGpio">Opens the GPIO controller, only called when a pin is needed.</param>
    public static LedHardware Create(LedOptions options, Func<SpiConnectionSettings, SpiDevice> openSpi, Func<GpioController> openGpio)
    {
        ArgumentNullException.ThrowIfNull(options);
        SpiDevice Spi() => openSpi(new SpiConnectionSettings(options.SpiBus, options.SpiChipSelect)
        {
            ClockFrequency = options.SpiClockHz,
            Mode = SpiMode.Mode0,
        });

        switch (options.Profile)
        {
            case LedProfile.ReSpeaker2Mic:
            {
                var gpio = options.TwoMicPowerPin ? openGpio() : null;
                gpio?.OpenPin(TwoMicPowerPin, PinMode.Output, PinValue.Low);
                return Probed(new Apa102LedStrip(Spi(), 3), gpio, gpio is null ? null : TwoMicPowerPin);
            }

            case LedProfile.ReSpeaker4Mic:
            {
                var gpio = openGpio();
                gpio.OpenPin(FourMicPowerPin, PinMode.Output, PinValue.High);
                return Probed(new Apa102LedStrip(Spi(), 12), gpio, FourMicPowerPin);
            }

            case LedProfile.Gpio:
            {
                var gpio = openGpio();
                return new LedHardware(new GpioLedStrip(gpio, options.GpioPins), gpio, null);
            }

            default:
                return new LedHardware(new NullLedStrip(), null, null);
        }
    }

    /// <summary>Turns the LEDs off once so that a missing SPI node fails here, not on the first state change.</summary>
    private static LedHardware Probed(ILedStrip strip, GpioController? gpio, int? powerPin)
    {
        try
        {
            strip.Show(new LedColor[strip.Count]);
            return new LedHardware(strip, gpio, powerPin);
        }
        catch
        {
            strip.Dispose();
            gpio?.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            Strip.Show(new LedColor[Strip.Count]);
        }
        catch (IOException)
        {
            // The SPI device went away; nothing left to turn off.
        }

        Strip.Dispose();
        if (gpio is not null && powerPin is { } pin)
        {
            gpio.ClosePin(pin);
        }

        gpio?.Dispose();
    }
}
