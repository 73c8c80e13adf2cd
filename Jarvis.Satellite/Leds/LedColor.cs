namespace Jarvis.Satellite.Leds;

/// <summary>An RGB colour with an APA102-style 5-bit brightness (0–31).</summary>
public readonly record struct LedColor(byte Red, byte Green, byte Blue, byte Brightness)
{
    public static readonly LedColor Off = new(0, 0, 0, 0);

    public bool IsOn => Brightness > 0 && (Red | Green | Blue) != 0;

    /// <summary>Linear blend: <paramref name="t"/> 0 = this, 1 = <paramref name="to"/>.</summary>
    public LedColor Lerp(LedColor to, double t)
    {
        t = Math.Clamp(t, 0, 1);
        return new LedColor(Mix(Red, to.Red, t), Mix(Green, to.Green, t), Mix(Blue, to.Blue, t), Mix(Brightness, to.Brightness, t));
    }

    public LedColor WithBrightness(byte brightness) => this with { Brightness = Math.Min(brightness, (byte)31) };

    private static byte Mix(byte a, byte b, double t) => (byte)Math.Round(a + ((b - a) * t));
}
