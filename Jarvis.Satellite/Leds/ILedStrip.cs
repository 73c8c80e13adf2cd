namespace Jarvis.Satellite.Leds;

/// <summary>A row of LEDs (APA102 ring, plain GPIO LEDs, or nothing).</summary>
public interface ILedStrip : IDisposable
{
    int Count { get; }

    void Show(ReadOnlySpan<LedColor> colors);
}
