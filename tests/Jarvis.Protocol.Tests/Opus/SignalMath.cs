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
    /// Best normalized correlation of <paramref name="decoded"/> delayed by 0..<paramref name="maxLag"/> samples against
    /// <paramref name="reference"/>, ignoring the first <paramref name="skip"/> reference samples (codec warm-up).
    /// </summary>
    public static (double Correlation, int Lag) BestCorrelation(short[] reference, short[] decoded, int maxLag, int skip)
    {
        var best = (Correlation: double.MinValue, Lag: 0);
        for (var lag = 0; lag <= maxLag; lag++)
        {
            var length = Math.Min(reference.Length, decoded.Length - lag) - skip;
            if (length <= 0)
            {
                break;
            }

            double xy = 0, xx = 0, yy = 0;
            for (var i = skip; i < skip + length; i++)
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
