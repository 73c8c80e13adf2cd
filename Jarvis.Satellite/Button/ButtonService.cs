using System.Device.Gpio;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Satellite.Hosting;
using Jarvis.Satellite.Uplink;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jarvis.Satellite.Button;

/// <summary>
/// Reads the mute button: a short press toggles mute (while a timer rings it only tells the server, which stops the ring), a long press unmutes if needed and asks the server
/// for a conversation. Without a configured pin (or GPIO) it does nothing.
/// </summary>
public sealed partial class ButtonService(
    IOptions<ButtonOptions> options, MuteController mute, SatelliteEvents events, MonotonicClock clock, TimeProvider time,
    SatelliteStatus status, ILogger<ButtonService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Pin is not { } pin)
        {
            return;
        }

        using var logic = new ButtonLogic(time, TimeSpan.FromMilliseconds(settings.DebounceMilliseconds), TimeSpan.FromMilliseconds(settings.LongPressMilliseconds));
        GpioController controller;
        GpioButtonInput input;
        try
        {
            controller = new GpioController();
            input = new GpioButtonInput(controller, pin, settings.ActiveLow, logic);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or PlatformNotSupportedException)
        {
            LogNoGpio(pin, e.Message);
            return;
        }

        using (controller)
        using (input)
        {
            await Run(logic, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>Acts on gestures until cancelled (separate from GPIO so that tests can drive it).</summary>
    internal async Task Run(ButtonLogic logic, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var gesture in logic.Gestures.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                OnGesture(gesture);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    internal void OnGesture(ButtonGesture gesture)
    {
        if (gesture == ButtonGesture.ShortPress)
        {
            if (!status.Ringing)
            {
                mute.Toggle(MuteSource.Button);
            }

            events.Publish(new SatelliteEvent(SatelliteEventKind.ShortPress, clock.NowUs));
            return;
        }

        mute.Set(false, MuteSource.Button);
        events.Publish(new SatelliteEvent(SatelliteEventKind.LongPress, clock.NowUs));
        LogLongPress();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No button: GPIO {Pin} cannot be opened ({Error}); is the user in the gpio group?")]
    private partial void LogNoGpio(int pin, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Long press: asking for a conversation")]
    private partial void LogLongPress();
}
