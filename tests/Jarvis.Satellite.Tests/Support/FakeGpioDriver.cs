using System.Device.Gpio;

namespace Jarvis.Satellite.Tests.Support;

/// <summary>A GPIO driver in memory: records modes and writes, lets a test drive input edges.</summary>
internal sealed class FakeGpioDriver : GpioDriver
{
    private readonly Dictionary<int, PinMode> modes = [];
    private readonly Dictionary<int, PinValue> values = [];
    private readonly Dictionary<int, List<(PinEventTypes Types, PinChangeEventHandler Handler)>> callbacks = [];

    public IReadOnlyDictionary<int, PinMode> Modes => modes;

    public IReadOnlyDictionary<int, PinValue> Values => values;

    public HashSet<int> OpenPins { get; } = [];

    protected override int PinCount => 54;

    /// <summary>Sets an input level and raises the matching edge callbacks.</summary>
    public void SetInput(int pin, PinValue value)
    {
        var old = values.GetValueOrDefault(pin, PinValue.High);
        values[pin] = value;
        if (old == value)
        {
            return;
        }

        var edge = value == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
        foreach (var (types, handler) in callbacks.GetValueOrDefault(pin, []).ToList())
        {
            if ((types & edge) != 0)
            {
                handler(this, new PinValueChangedEventArgs(edge, pin));
            }
        }
    }

    protected override void OpenPin(int pinNumber) => OpenPins.Add(pinNumber);

    protected override void ClosePin(int pinNumber) => OpenPins.Remove(pinNumber);

    protected override void SetPinMode(int pinNumber, PinMode mode) => modes[pinNumber] = mode;

    protected override PinMode GetPinMode(int pinNumber) => modes.GetValueOrDefault(pinNumber, PinMode.Input);

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber) => values.GetValueOrDefault(pinNumber, PinValue.High);

    protected override void Write(int pinNumber, PinValue value) => values[pinNumber] = value;

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        new() { TimedOut = true };

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        if (!callbacks.TryGetValue(pinNumber, out var list))
        {
            callbacks[pinNumber] = list = [];
        }

        list.Add((eventTypes, callback));
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) =>
        callbacks.GetValueOrDefault(pinNumber)?.RemoveAll(c => c.Handler == callback);
}
