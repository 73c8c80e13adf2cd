namespace Jarvis.Server.Tests.BrowserSatellite;

/// <summary>
/// The 10 ms energy envelope of a signal (dB, floored at −70 dBFS) for comparing audio that went through codecs, resamplers and
/// the browser's processing: equal sound has envelopes that correlate whatever the sample rate, phase or gain.
/// </summary>
internal static class Envelope
{
    public const double WindowSeconds = 0.01;
    private const double FloorDb = -70;

    public static double[] Of(ReadOnlySpan<short> samples, int sampleRate)
    {
        var window = (int)(sampleRate * WindowSeconds);
        var envelope = new double[samples.Length / window];
        for (var w = 0; w < envelope.Length; w++)
        {
            double sum = 0;
            foreach (var s in samples.Slice(w * window, window))
            {
                sum += (double)s * s;
            }

            var meanSquare = sum / window / (32768.0 * 32768.0);
            envelope[w] = meanSquare > 0 ? Math.Max(FloorDb, 10 * Math.Log10(meanSquare)) : FloorDb;
        }

        return envelope;
    }

    /// <summary>
    /// The best Pearson correlation of <paramref name="pattern"/> against <paramref name="signal"/> over every lag where it fits
    /// whole, and that lag (in windows).
    /// </summary>
    public static (double Correlation, int Lag) BestMatch(double[] pattern, double[] signal)
    {
        var best = (Correlation: double.NegativeInfinity, Lag: -1);
        for (var lag = 0; lag + pattern.Length <= signal.Length; lag++)
        {
            var r = Pearson(pattern, signal.AsSpan(lag, pattern.Length));
            if (r > best.Correlation)
            {
                best = (r, lag);
            }
        }

        return best;
    }

    /// <summary>Start windows of sounds: the first window above <paramref name="thresholdDb"/> after at least <paramref name="quietWindows"/> below it.</summary>
    public static List<int> Onsets(double[] envelope, double thresholdDb, int quietWindows)
    {
        var onsets = new List<int>();
        var quiet = quietWindows; // the signal's start counts as quiet
        for (var w = 0; w < envelope.Length; w++)
        {
            if (envelope[w] > thresholdDb)
            {
                if (quiet >= quietWindows)
                {
                    onsets.Add(w);
                }

                quiet = 0;
            }
            else
            {
                quiet++;
            }
        }

        return onsets;
    }

    private static double Pearson(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double meanA = 0, meanB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            meanA += a[i];
            meanB += b[i];
        }

        meanA /= a.Length;
        meanB /= b.Length;
        double ab = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var x = a[i] - meanA;
            var y = b[i] - meanB;
            ab += x * y;
            aa += x * x;
            bb += y * y;
        }

        return aa == 0 || bb == 0 ? 0 : ab / Math.Sqrt(aa * bb);
    }
}
