using System.Device.Gpio;
using System.Device.Spi;
using Jarvis.Satellite.Leds;
using Jarvis.Satellite.Tests.Support;

namespace Jarvis.Satellite.Tests.Leds;

public sealed class LedHardwareTests
{
    private readonly FakeGpioDriver gpio = new();
    private RecordingSpiDevice? spi;

    [Fact]
    public void Four_mic_array_drives_12_LEDs_on_spidev0_1_and_powers_them_with_GPIO5_high()
    {
        using var hardware = Create(new LedOptions { Profile = LedProfile.ReSpeaker4Mic });

        Assert.Equal(12, hardware.Strip.Count);
        Assert.Equal((0, 1), (spi!.ConnectionSettings.BusId, spi.ConnectionSettings.ChipSelectLine));
        Assert.Equal(PinValue.High, gpio.Values[5]);
        Assert.Equal(PinMode.Output, gpio.Modes[5]);
    }

    [Fact]
    public void Two_mic_hat_drives_3_LEDs_and_pulls_GPIO12_low_only_when_asked()
    {
        using (var plain = Create(new LedOptions { Profile = LedProfile.ReSpeaker2Mic }))
        {
            Assert.Equal(3, plain.Strip.Count);
            Assert.False(gpio.Values.ContainsKey(12));
        }

        using var powered = Create(new LedOptions { Profile = LedProfile.ReSpeaker2Mic, TwoMicPowerPin = true });
        Assert.Equal(PinValue.Low, gpio.Values[12]);
    }

    [Fact]
    public void Gpio_LEDs_light_while_the_state_has_a_colour()
    {
        using var hardware = Create(new LedOptions { Profile = LedProfile.Gpio, GpioPins = [22, 23] });
        hardware.Strip.Show([new LedColor(255, 0, 0, 31), LedColor.Off]);

        Assert.Equal(PinValue.High, gpio.Values[22]);
        Assert.Equal(PinValue.Low, gpio.Values[23]);
    }

    [Fact]
    public void Disposing_turns_the_ring_off()
    {
        var hardware = Create(new LedOptions { Profile = LedProfile.ReSpeaker2Mic });
        hardware.Strip.Show([new LedColor(255, 0, 0, 31), new LedColor(255, 0, 0, 31), new LedColor(255, 0, 0, 31)]);

        hardware.Dispose();

        Assert.Equal([0, 0, 0, 0, 0xE0, 0, 0, 0, 0xE0, 0, 0, 0, 0xE0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF], spi!.LastWrite);
        Assert.True(spi.Disposed);
    }

    [Fact]
    public void No_profile_needs_no_hardware()
    {
        using var hardware = LedHardware.Create(new LedOptions(), _ => throw new InvalidOperationException(), () => throw new InvalidOperationException());

        Assert.Equal(0, hardware.Strip.Count);
    }

    private LedHardware Create(LedOptions options) =>
        LedHardware.Create(options, settings => spi = new RecordingSpiDevice(settings), () => new GpioController(gpio));
}
