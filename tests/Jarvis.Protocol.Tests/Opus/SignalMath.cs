namespace Jarvis.Protocol.Tests.Opus;

/// <summary>Signal comparisons for codec tests.</summary>
internal static class SignalMath
{
    public static double Rms(ReadOnlySpan<short> x)
    {
        var sum = 0.0;
        foreach (var v in x)
        {
            sum += (double)v * v;
        }

        return x.IsEmpty ? 0 : Math.Sqrt(sum / x.Length);
    }

    /// <summary>
    /// Best normalized correlation of <paramref name="decoded"/> shifted by -<paramref name="maxLag"/>..<paramref name="maxLag"/>
    /// samples against <paramref name="reference"/>, ignoring the first <paramref name="skip"/> reference samples (codec warm-up).
    /// A positive lag means the decoded signal is late.
    /// </summary>
    public static (double Correlation, int Lag) BestCorrelation(short[] reference, short[] decoded, int maxLag, int skip)
    {
        // Coarse search every few lags (speech correlates smoothly over a fraction of a millisecond), then refine.
        var step = Math.Max(1, maxLag / 100);
        var best = (Correlation: double.MinValue, Lag: 0);
        for (var lag = -maxLag; lag <= maxLag; lag += step)
        {
            var c = CorrelationAt(reference, decoded, lag, skip);
            best = c > best.Correlation ? (c, lag) : best;
        }

        var coarse = best.Lag;
        for (var lag = Math.Max(-maxLag, coarse - step); lag <= Math.Min(maxLag, coarse + step); lag++)
        {
            var c = CorrelationAt(reference, decoded, lag, skip);
            best = c > best.Correlation ? (c, lag) : best;
        }

        return best;
    }

    private static double CorrelationAt(short[] reference, short[] decoded, int lag, int skip)
    {
        var first = Math.Max(skip, -lag);
        var end = Math.Min(reference.Length, decoded.Length - lag);
        double xy = 0, xx = 0, yy = 0;
        for (var i = first; i < end; i++)
        {
            double x = reference[i], y = decoded[i + lag];
            xy += x * y;
            xx += x * x;
            yy += y * y;
        }

        return xx == 0 || yy == 0 ? 0 : xy / Math.Sqrt(xx * yy);
    }
}
