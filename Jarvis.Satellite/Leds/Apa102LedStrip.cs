using System.Device.Spi;
using System.Drawing;
using Iot.Device.Apa102;

namespace Jarvis.Satellite.Leds;

/// <summary>APA102 LEDs over SPI through Iot.Device.Bindings' driver (brightness goes in the alpha byte).</summary>
public sealed class Apa102LedStrip(SpiDevice spi, int count) : ILedStrip
{
    private readonly Apa102 driver = new(spi, count);

    public int Count { get; } = count;

    public void Show(ReadOnlySpan<LedColor> colors)
    {
        var pixels = driver.Pixels;
        for (var i = 0; i < pixels.Length; i++)
        {
            var c = i < colors.Length ? colors[i] : LedColor.Off;
            pixels[i] = Color.FromArgb(c.Brightness << 3, c.Red, c.Green, c.Blue);
        }

        driver.Flush();
    }

    public void Dispose() => spi.Dispose();
}
