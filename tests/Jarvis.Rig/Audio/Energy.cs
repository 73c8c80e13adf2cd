namespace Jarvis.Rig.Audio;

/// <summary>Levels and onsets by energy over 10 ms windows.</summary>
public static class Energy
{
    /// <summary>Speech below this (dBFS RMS over a window) is taken as silence.</summary>
    public const double SilenceDbfs = -50;

    public static double Dbfs(ReadOnlySpan<short> window)
    {
        if (window.IsEmpty)
        {
            return double.NegativeInfinity;
        }

        double sum = 0;
        foreach (var s in window)
        {
            sum += (double)s * s;
        }

        return 10 * Math.Log10((sum / window.Length / (32768.0 * 32768.0)) + 1e-20);
    }

    /// <summary>The first sample of the first window (of <paramref name="sampleRate"/>/100 samples) from <paramref name="from"/> at or above <paramref name="thresholdDbfs"/>, or -1.</summary>
    public static int Onset(ReadOnlySpan<short> samples, int from, double thresholdDbfs, int sampleRate = 16000)
    {
        var window = sampleRate / 100;
        for (var start = Math.Max(0, from); start + window <= samples.Length; start += window)
        {
            if (Dbfs(samples.Slice(start, window)) >= thresholdDbfs)
            {
                return start;
            }
        }

        return -1;
    }

    /// <summary>The RMS level of the windows above <see cref="SilenceDbfs"/> (the speech, not the pauses).</summary>
    public static double SpeechLevelDbfs(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        long count = 0;
        for (var start = 0; start + 160 <= samples.Length; start += 160)
        {
            var window = samples.Slice(start, 160);
            if (Dbfs(window) >= SilenceDbfs)
            {
                foreach (var s in window)
                {
                    sum += (double)s * s;
                }

                count += 160;
            }
        }

        return count == 0 ? double.NegativeInfinity : 10 * Math.Log10(sum / count / (32768.0 * 32768.0));
    }
}
