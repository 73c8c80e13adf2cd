namespace Jarvis.Satellite.Audio;

/// <summary>Signal level of 16-bit PCM (no allocation).</summary>
public static class PcmLevel
{
    /// <summary>Level reported for digital silence.</summary>
    public const double SilenceDbfs = -120;

    /// <summary>Sum of squared samples (the energy of a stretch), in full-scale units.</summary>
    public static double Energy(ReadOnlySpan<short> pcm)
    {
        double sum = 0;
        foreach (var sample in pcm)
        {
            sum += (double)sample * sample;
        }

        return sum / (32768.0 * 32768.0);
    }

    /// <summary>RMS level in dBFS of <paramref name="energy"/> spread over <paramref name="samples"/>, at least <see cref="SilenceDbfs"/>.</summary>
    public static double Dbfs(double energy, long samples) =>
        samples <= 0 || energy <= 0 ? SilenceDbfs : Math.Max(SilenceDbfs, 10 * Math.Log10(energy / samples));

    /// <summary>RMS level of a frame in dBFS.</summary>
    public static double Dbfs(ReadOnlySpan<short> pcm) => Dbfs(Energy(pcm), pcm.Length);
}
