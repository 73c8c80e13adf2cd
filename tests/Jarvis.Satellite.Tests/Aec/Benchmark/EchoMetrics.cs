namespace Jarvis.Satellite.Tests.Aec.Benchmark;

/// <summary>The measures of the echo benchmark (see <see cref="EchoResult"/>).</summary>
public static class EchoMetrics
{
    private const int Window = EchoCase.Rate / 10;
    private const int MaxLag = EchoCase.Rate * 40 / 1000;

    public static EchoResult Measure(EchoCase c, short[] cleaned, double cpuPerSecond)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(cleaned);
        var erle = Db(Energy(c.Mic.AsSpan()[c.FarOnly]), Energy(cleaned.AsSpan()[c.FarOnly]));
        var convergence = TimeToCancel(c, cleaned, 0);
        double? reconvergence = c.PathChangeSeconds is { } change ? TimeToCancel(c, cleaned, change) : null;
        var (lag, _) = BestLag(cleaned, c.Near, c.NearAlone);
        var (_, dtCorrelation) = BestLag(cleaned, c.Near, c.DoubleTalk);
        var dtLevel = Db(Energy(Shift(cleaned, c.DoubleTalk, lag)), Energy(c.Near.AsSpan()[c.DoubleTalk]));
        var aloneLevel = Db(Energy(Shift(cleaned, c.NearAlone, lag)), Energy(c.Near.AsSpan()[c.NearAlone]));
        return new EchoResult(c.Name, erle, convergence, reconvergence, dtCorrelation, dtLevel, aloneLevel,
            lag * 1000.0 / EchoCase.Rate, cpuPerSecond);
    }

    /// <summary>
    /// Seconds from <paramref name="fromSeconds"/> (or the first echo after it) until the echo in the next three
    /// 100 ms windows that carry echo (within 30 dB of the loudest) is reduced by ≥ 10 dB; NaN when it never is.
    /// </summary>
    public static double TimeToCancel(EchoCase c, short[] cleaned, double fromSeconds)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(cleaned);
        var end = c.PathChangeSeconds is { } change && change > fromSeconds ? EchoCase.At(change) : EchoCase.At(7);
        var windows = new List<(int Start, double Mic, double Out)>();
        var loudest = 0.0;
        for (var start = EchoCase.At(fromSeconds); start + Window <= end; start += Window)
        {
            var echo = Energy(c.Echo.AsSpan(start, Window));
            loudest = Math.Max(loudest, echo);
            windows.Add((start, echo, Energy(cleaned.AsSpan(start, Window))));
        }

        var active = windows.Where(w => w.Mic >= loudest / 1000).ToList();
        var firstEcho = active.Count > 0 ? active[0].Start : EchoCase.At(fromSeconds);
        for (var i = 0; i + 3 <= active.Count; i++)
        {
            var next = active.Skip(i).Take(3).ToList();
            if (Db(next.Sum(w => w.Mic), next.Sum(w => w.Out)) >= 10)
            {
                return (double)(active[i].Start - firstEcho) / EchoCase.Rate;
            }
        }

        return double.NaN;
    }

    /// <summary>The lag (0–40 ms) at which <paramref name="output"/> best matches <paramref name="reference"/> in the range.</summary>
    private static (int Lag, double Correlation) BestLag(short[] output, short[] reference, Range range)
    {
        var best = (Lag: 0, Correlation: double.MinValue);
        for (var lag = 0; lag <= MaxLag; lag++)
        {
            var a = Shift(output, range, lag);
            var b = reference.AsSpan()[range];
            double dot = 0, ea = 0, eb = 0;
            for (var i = 0; i < a.Length; i++)
            {
                dot += (double)a[i] * b[i];
                ea += (double)a[i] * a[i];
                eb += (double)b[i] * b[i];
            }

            var correlation = ea > 0 && eb > 0 ? dot / Math.Sqrt(ea * eb) : 0;
            if (correlation > best.Correlation)
            {
                best = (lag, correlation);
            }
        }

        return best;
    }

    private static ReadOnlySpan<short> Shift(short[] samples, Range range, int lag)
    {
        var (offset, length) = range.GetOffsetAndLength(samples.Length);
        return samples.AsSpan(offset + lag, Math.Min(length, samples.Length - offset - lag));
    }

    private static double Energy(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return sum;
    }

    private static double Db(double numerator, double denominator) =>
        10 * Math.Log10(Math.Max(numerator, 1e-9) / Math.Max(denominator, 1e-9));
}
