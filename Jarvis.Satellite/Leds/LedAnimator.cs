using LedState = Jarvis.Protocol.Link.Messages.LedState;

namespace Jarvis.Satellite.Leds;

/// <summary>
/// Renders the current state onto a strip, blending from what was shown over the transition time and
/// animating pulsing states; <see cref="Tick"/> is called by <see cref="LedService"/> (or tests) and only
/// writes to the strip when the colours changed. Not thread-safe: one caller.
/// </summary>
public sealed class LedAnimator
{
    private readonly ILedStrip strip;
    private readonly TimeProvider time;
    private readonly TimeSpan transition;
    private readonly byte maxBrightness;
    private readonly LedColor[] frame;
    private LedColor from;
    private LedColor shown;
    private long enteredAt;
    private bool dirty = true;

    public LedAnimator(ILedStrip strip, TimeProvider time, TimeSpan transition, byte maxBrightness)
    {
        this.strip = strip;
        this.time = time;
        this.transition = transition;
        this.maxBrightness = Math.Min(maxBrightness, (byte)31);
        frame = new LedColor[strip.Count];
        enteredAt = time.GetTimestamp();
    }

    public LedState State { get; private set; } = LedState.Idle;

    /// <summary>True while a transition or an animated state needs further ticks.</summary>
    public bool NeedsTicks => dirty || LedScene.IsAnimated(State) || time.GetElapsedTime(enteredAt) < transition;

    public void SetState(LedState state)
    {
        if (state == State)
        {
            return;
        }

        from = shown;
        State = state;
        enteredAt = time.GetTimestamp();
        dirty = true;
    }

    public void Tick()
    {
        var elapsed = time.GetElapsedTime(enteredAt);
        var target = LedScene.ColorOf(State, elapsed, maxBrightness);
        var color = transition > TimeSpan.Zero && elapsed < transition
            ? from.Lerp(target, elapsed / transition)
            : target;
        if (color == shown && !dirty)
        {
            return;
        }

        shown = color;
        dirty = false;
        Array.Fill(frame, color);
        strip.Show(frame);
    }
}
