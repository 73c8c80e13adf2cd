using System.Device.Gpio;

namespace Jarvis.Satellite.Leds;

/// <summary>Plain LEDs on GPIO pins: a pin is high while its LED has any colour.</summary>
public sealed class GpioLedStrip : ILedStrip
{
    private readonly GpioController controller;
    private readonly int[] pins;
    private readonly PinValue[] current;

    public GpioLedStrip(GpioController controller, IReadOnlyList<int> pins)
    {
        this.controller = controller;
        this.pins = [.. pins];
        current = new PinValue[this.pins.Length];
        foreach (var pin in this.pins)
        {
            controller.OpenPin(pin, PinMode.Output, PinValue.Low);
        }
    }

    public int Count => pins.Length;

    public void Show(ReadOnlySpan<LedColor> colors)
    {
        for (var i = 0; i < pins.Length; i++)
        {
            var value = i < colors.Length && colors[i].IsOn ? PinValue.High : PinValue.Low;
            if (value != current[i])
            {
                controller.Write(pins[i], value);
                current[i] = value;
            }
        }
    }

    public void Dispose()
    {
        foreach (var pin in pins)
        {
            controller.Write(pin, PinValue.Low);
            controller.ClosePin(pin);
        }
    }
}
