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
        var best = (Correlation: double.MinValue, Lag: 0);
        for (var lag = -maxLag; lag <= maxLag; lag++)
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

            var c = xx == 0 || yy == 0 ? 0 : xy / Math.Sqrt(xx * yy);
            if (c > best.Correlation)
            {
                best = (c, lag);
            }
        }

        return best;
    }
}
