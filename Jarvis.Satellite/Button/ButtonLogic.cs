using System.Threading.Channels;

namespace Jarvis.Satellite.Button;

/// <summary>
/// Hardware-free button: raw levels in, debounced gestures out. A level must stay stable for the debounce
/// time to count; a press held for the long-press time yields <see cref="ButtonGesture.LongPress"/> at once,
/// a shorter one <see cref="ButtonGesture.ShortPress"/> on release.
/// </summary>
public sealed class ButtonLogic : IDisposable
{
    private readonly Lock gate = new();
    private readonly TimeSpan debounce;
    private readonly TimeSpan longPress;
    private readonly ITimer settleTimer;
    private readonly ITimer longTimer;
    private readonly Channel<ButtonGesture> gestures = Channel.CreateUnbounded<ButtonGesture>(new UnboundedChannelOptions { SingleReader = true });
    private bool rawPressed;
    private bool pressed;
    private bool longFired;

    public ButtonLogic(TimeProvider time, TimeSpan debounce, TimeSpan longPress)
    {
        ArgumentNullException.ThrowIfNull(time);
        this.debounce = debounce;
        this.longPress = longPress;
        settleTimer = time.CreateTimer(_ => Settle(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        longTimer = time.CreateTimer(_ => LongPressElapsed(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public ChannelReader<ButtonGesture> Gestures => gestures.Reader;

    /// <summary>Raw level from the pin (true = pressed), on every edge.</summary>
    public void OnLevel(bool isPressed)
    {
        lock (gate)
        {
            rawPressed = isPressed;
            settleTimer.Change(debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private void Settle()
    {
        lock (gate)
        {
            if (rawPressed == pressed)
            {
                return;
            }

            pressed = rawPressed;
            if (pressed)
            {
                longFired = false;
                longTimer.Change(longPress - debounce, Timeout.InfiniteTimeSpan);
                return;
            }

            longTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            if (!longFired)
            {
                gestures.Writer.TryWrite(ButtonGesture.ShortPress);
            }
        }
    }

    private void LongPressElapsed()
    {
        lock (gate)
        {
            if (pressed && !longFired)
            {
                longFired = true;
                gestures.Writer.TryWrite(ButtonGesture.LongPress);
            }
        }
    }

    public void Dispose()
    {
        settleTimer.Dispose();
        longTimer.Dispose();
        gestures.Writer.TryComplete();
    }
}
