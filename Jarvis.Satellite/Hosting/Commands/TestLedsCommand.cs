using System.Device.Gpio;
using System.Device.Spi;
using Jarvis.Satellite.Leds;
using Microsoft.Extensions.Configuration;
using LedState = Jarvis.Protocol.Link.Messages.LedState;

namespace Jarvis.Satellite.Hosting.Commands;

/// <summary>
/// <c>jarvis-satellite test-leds [--Satellite:Leds:Profile=ReSpeaker2Mic]</c>: shows every LED state for
/// 2.5 s on the configured hardware.
/// </summary>
internal static class TestLedsCommand
{
    private static readonly TimeSpan PerState = TimeSpan.FromSeconds(2.5);

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var config = new ConfigurationBuilder()
            .AddJsonFile(SatelliteHost.ConfigPath(args), optional: true)
            .AddEnvironmentVariables("JARVIS_")
            .AddCommandLine(args)
            .Build();
        var options = config.GetSection("Satellite:Leds").Get<LedOptions>() ?? new LedOptions();
        if (options.Profile == LedProfile.None)
        {
            await Console.Error.WriteLineAsync(
                "No LEDs configured: set Satellite:Leds:Profile to ReSpeaker2Mic, ReSpeaker4Mic or Gpio " +
                "(e.g. test-leds --Satellite:Leds:Profile=ReSpeaker2Mic).").ConfigureAwait(false);
            return 1;
        }

        LedHardware hardware;
        try
        {
            hardware = LedHardware.Create(options, SpiDevice.Create, () => new GpioController());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or PlatformNotSupportedException)
        {
            await Console.Error.WriteLineAsync($"Cannot open the {options.Profile} LEDs: {e.Message} (SPI enabled? user in spi/gpio groups?)").ConfigureAwait(false);
            return 1;
        }

        using (hardware)
        {
            var animator = new LedAnimator(hardware.Strip, TimeProvider.System, TimeSpan.FromMilliseconds(options.TransitionMilliseconds), (byte)options.Brightness);
            try
            {
                foreach (var state in Enum.GetValues<LedState>())
                {
                    Console.WriteLine($"{options.Profile}: {state}");
                    animator.SetState(state);
                    var until = TimeProvider.System.GetTimestamp();
                    while (TimeProvider.System.GetElapsedTime(until) < PerState)
                    {
                        animator.Tick();
                        await Task.Delay(LedService.TickPeriod, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                return 130;
            }
        }

        return 0;
    }
}
