namespace Jarvis.PersonaPlex.Emulator;

/// <summary>Levels of decoded audio, for the session record (no allocation).</summary>
public static class PcmLevel
{
    /// <summary>A 10 ms window at least this loud starts a sound (the rig's silence is digital zero).</summary>
    public const double OnsetDbfs = -45;

    /// <summary>10 ms at 24 kHz.</summary>
    private const int Window = 240;

    /// <summary>Where the first 10 ms window at or above <see cref="OnsetDbfs"/> starts, in ms; −1 when none is.</summary>
    public static double OnsetMilliseconds(ReadOnlySpan<short> samples)
    {
        for (var start = 0; start + Window <= samples.Length; start += Window)
        {
            if (LoudestDbfs(samples.Slice(start, Window)) >= OnsetDbfs)
            {
                return start / 24.0;
            }
        }

        return -1;
    }

    /// <summary>The RMS level (dBFS) of the loudest 10 ms window of <paramref name="samples"/> (−∞ when empty).</summary>
    public static double LoudestDbfs(ReadOnlySpan<short> samples)
    {
        var loudest = 0.0;
        for (var start = 0; start < samples.Length; start += Window)
        {
            var window = samples.Slice(start, Math.Min(Window, samples.Length - start));
            var sum = 0.0;
            foreach (var s in window)
            {
                sum += (double)s * s;
            }

            loudest = Math.Max(loudest, sum / window.Length);
        }

        return samples.IsEmpty ? double.NegativeInfinity : 10 * Math.Log10((loudest / (32768.0 * 32768.0)) + 1e-20);
    }
}
