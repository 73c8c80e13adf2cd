namespace Jarvis.Satellite.Playback;

/// <summary>Speaker volume in percent (0–100), set by the server, applied to every played frame.</summary>
public sealed class PlaybackVolume(int percent = 100)
{
    private volatile int percent = Math.Clamp(percent, 0, 100);

    public int Percent
    {
        get => percent;
        set => percent = Math.Clamp(value, 0, 100);
    }

    public void Apply(Span<short> frame)
    {
        var p = percent;
        if (p == 100)
        {
            return;
        }

        // Perceptual curve: gain = (p/100)^2.
        var gain = (p * p) / 10000.0f;
        for (var i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)(frame[i] * gain);
        }
    }
}
