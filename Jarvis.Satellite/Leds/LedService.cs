using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using LedState = Jarvis.Protocol.Link.Messages.LedState;

namespace Jarvis.Satellite.Leds;

/// <summary>Applies posted LED states, ticking at 25 fps only while a transition or pulse is running.</summary>
public sealed partial class LedService(LedController controller, LedAnimator animator, TimeProvider time, ILogger<LedService> logger)
    : BackgroundService
{
    public static readonly TimeSpan TickPeriod = TimeSpan.FromMilliseconds(40);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            animator.Tick();
            while (!stoppingToken.IsCancellationRequested)
            {
                if (animator.NeedsTicks)
                {
                    using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    var delay = Task.Delay(TickPeriod, time, tick.Token);
                    var next = controller.States.WaitToReadAsync(tick.Token).AsTask();
                    await Task.WhenAny(delay, next).ConfigureAwait(false);
                    await tick.CancelAsync().ConfigureAwait(false);
                }
                else
                {
                    await controller.States.WaitToReadAsync(stoppingToken).ConfigureAwait(false);
                }

                while (controller.States.TryRead(out var state))
                {
                    LogState(state);
                    animator.SetState(state);
                }

                animator.Tick();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (IOException e)
        {
            LogLedFailure(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "LEDs: {State}")]
    private partial void LogState(LedState state);

    [LoggerMessage(Level = LogLevel.Error, Message = "LED output failed; LEDs stay as they are")]
    private partial void LogLedFailure(Exception e);
}
