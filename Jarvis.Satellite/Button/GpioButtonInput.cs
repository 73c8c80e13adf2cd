using System.Device.Gpio;

namespace Jarvis.Satellite.Button;

/// <summary>Maps a GPIO pin's edges onto <see cref="ButtonLogic"/> (input with pull-up when active low).</summary>
public sealed class GpioButtonInput : IDisposable
{
    private readonly GpioController controller;
    private readonly int pin;
    private readonly bool activeLow;
    private readonly ButtonLogic logic;

    public GpioButtonInput(GpioController controller, int pin, bool activeLow, ButtonLogic logic)
    {
        ArgumentNullException.ThrowIfNull(controller);
        this.controller = controller;
        this.pin = pin;
        this.activeLow = activeLow;
        this.logic = logic;
        controller.OpenPin(pin, activeLow ? PinMode.InputPullUp : PinMode.InputPullDown);
        controller.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Falling | PinEventTypes.Rising, OnEdge);
    }

    private void OnEdge(object sender, PinValueChangedEventArgs e) =>
        logic.OnLevel((e.ChangeType == PinEventTypes.Falling) == activeLow);

    public void Dispose()
    {
        controller.UnregisterCallbackForPinValueChangedEvent(pin, OnEdge);
        controller.ClosePin(pin);
    }
}
