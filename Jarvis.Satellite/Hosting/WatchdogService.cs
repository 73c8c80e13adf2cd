using System.Globalization;
using Jarvis.Satellite.Audio;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace Jarvis.Satellite.Hosting;

/// <summary>
/// Pings systemd's watchdog (WatchdogSec) at half the interval while the capture thread is alive (frames
/// within the last 5 s, or the devices being reopened); a hung audio thread stops the pings and systemd
/// restarts the service.
/// </summary>
public sealed partial class WatchdogService(ISystemdNotifier notifier, AudioService audio, TimeProvider time, ILogger<WatchdogService> logger)
    : BackgroundService
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(5);
    private static readonly ServiceState Ping = new("WATCHDOG=1");

    public static TimeSpan? Interval(string? watchdogUsec) =>
        long.TryParse(watchdogUsec, NumberStyles.Integer, CultureInfo.InvariantCulture, out var usec) && usec > 0
            ? TimeSpan.FromMicroseconds(usec / 2.0)
            : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!notifier.IsEnabled || Interval(Environment.GetEnvironmentVariable("WATCHDOG_USEC")) is not { } interval)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (IsHealthy())
                {
                    notifier.Notify(Ping);
                }
                else
                {
                    LogStalled();
                }

                await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private bool IsHealthy() =>
        audio.Capture is not { } capture || capture.Frames == 0
        || TimeSpan.FromSeconds((double)(System.Diagnostics.Stopwatch.GetTimestamp() - capture.LastFrameTimestamp) / System.Diagnostics.Stopwatch.Frequency) < Stall;

    [LoggerMessage(Level = LogLevel.Error, Message = "The capture thread has stalled; withholding the watchdog ping so that systemd restarts us")]
    private partial void LogStalled();
}
