using LedState = Jarvis.Protocol.Link.Messages.LedState;

namespace Jarvis.Satellite.Leds;

/// <summary>
/// The look of each state: a colour on every LED, steady or pulsing (brightness following a triangle
/// wave between a low and the full brightness over a period).
/// </summary>
public static class LedScene
{
    public static readonly TimeSpan PulsePeriod = TimeSpan.FromSeconds(2);

    /// <summary>The colour of every LED in <paramref name="state"/> at <paramref name="elapsed"/> since entering it.</summary>
    public static LedColor ColorOf(LedState state, TimeSpan elapsed, byte maxBrightness)
    {
        var (color, pulseLow) = state switch
        {
            LedState.Idle => (LedColor.Off, (byte?)null),
            LedState.Listening => (new LedColor(0, 80, 255, maxBrightness), null),
            LedState.Thinking => (new LedColor(150, 0, 255, maxBrightness), (byte?)(maxBrightness / 4)),
            LedState.Speaking => (new LedColor(0, 200, 120, maxBrightness), null),
            LedState.Muted => (new LedColor(255, 0, 0, maxBrightness), null),
            LedState.Error => (new LedColor(255, 60, 0, maxBrightness), null),
            LedState.Disconnected => (new LedColor(255, 255, 255, Math.Max((byte)1, (byte)(maxBrightness / 8))), (byte?)1),
            LedState.Timer => (new LedColor(255, 140, 0, maxBrightness), (byte?)(maxBrightness / 8)),
            LedState.Countdown => (new LedColor(255, 140, 0, Math.Max((byte)1, (byte)(maxBrightness / 6))), null),
            _ => (LedColor.Off, null),
        };
        return pulseLow is { } low ? Pulse(color, low, elapsed) : color;
    }

    public static bool IsAnimated(LedState state) => state is LedState.Thinking or LedState.Disconnected or LedState.Timer;

    private static LedColor Pulse(LedColor color, byte low, TimeSpan elapsed)
    {
        var phase = (elapsed.Ticks % PulsePeriod.Ticks) / (double)PulsePeriod.Ticks;
        var wave = phase < 0.5 ? 1 - (phase * 2) : (phase - 0.5) * 2; // 1 → 0 → 1
        return color.WithBrightness((byte)Math.Round(low + ((color.Brightness - low) * wave)));
    }
}
