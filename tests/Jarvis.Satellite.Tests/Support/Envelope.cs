namespace Jarvis.Satellite.Tests.Support;

/// <summary>Frame-RMS envelopes and their alignment, to find one recording inside another.</summary>
internal static class Envelope
{
    public static double[] Of(ReadOnlySpan<short> samples, int frame = 320)
    {
        var result = new double[samples.Length / frame];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Signals.Rms(samples.Slice(i * frame, frame));
        }

        return result;
    }

    /// <summary>The lag (in frames) of <paramref name="needle"/> in <paramref name="haystack"/> with the best normalised correlation.</summary>
    public static (int Lag, double Correlation) Align(double[] haystack, double[] needle)
    {
        var best = (Lag: 0, Correlation: double.MinValue);
        for (var lag = 0; lag + needle.Length <= haystack.Length; lag++)
        {
            var c = Pearson(haystack.AsSpan(lag, needle.Length), needle);
            if (c > best.Correlation)
            {
                best = (lag, c);
            }
        }

        return best;
    }

    private static double Pearson(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double ma = 0, mb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            ma += a[i];
            mb += b[i];
        }

        ma /= a.Length;
        mb /= b.Length;
        double num = 0, da = 0, db = 0;
        for (var i = 0; i < a.Length; i++)
        {
            num += (a[i] - ma) * (b[i] - mb);
            da += (a[i] - ma) * (a[i] - ma);
            db += (b[i] - mb) * (b[i] - mb);
        }

        return da == 0 || db == 0 ? 0 : num / Math.Sqrt(da * db);
    }
}
