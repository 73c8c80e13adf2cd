namespace Jarvis.Satellite.Leds;

/// <summary>No LEDs.</summary>
public sealed class NullLedStrip : ILedStrip
{
    public int Count => 0;

    public void Show(ReadOnlySpan<LedColor> colors)
    {
    }

    public void Dispose()
    {
    }
}
