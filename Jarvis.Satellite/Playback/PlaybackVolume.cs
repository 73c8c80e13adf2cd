namespace Jarvis.Satellite.Playback;

/// <summary>Speaker volume as a linear gain 0–1 (the link's <c>volume.level</c>), applied to every played frame.</summary>
public sealed class PlaybackVolume
{
    private volatile float level = 1f;

    public double Level
    {
        get => level;
        set => level = (float)Math.Clamp(value, 0, 1);
    }

    public void Apply(Span<short> frame)
    {
        var gain = level;
        if (gain >= 1f)
        {
            return;
        }

        for (var i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)(frame[i] * gain);
        }
    }
}
