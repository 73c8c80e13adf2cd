using System.Globalization;
using System.Text;

namespace Jarvis.Server.Status;

/// <summary>
/// A Prometheus histogram of durations in seconds with fixed buckets. <see cref="Observe"/> is lock-free and allocation-free,
/// so it can sit on the audio path.
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>Upper bounds in seconds: 100 µs to 10 s.</summary>
    public static readonly double[] DefaultBounds =
        [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly double[] _bounds;
    private readonly long[] _counts;
    /// <summary>The latest observations (a power of two), for the status page's history chart.</summary>
    private const int RecentCapacity = 32;

    private readonly double[] _recent = new double[RecentCapacity];
    private long _count;
    private long _sumNanoseconds;

    public LatencyHistogram(double[]? bounds = null)
    {
        _bounds = bounds ?? DefaultBounds;
        _counts = new long[_bounds.Length + 1];
    }

    public long Count => Interlocked.Read(ref _count);

    public double SumSeconds => Interlocked.Read(ref _sumNanoseconds) / 1e9;

    public void Observe(TimeSpan elapsed) => Observe(elapsed.TotalSeconds);

    public void Observe(double seconds)
    {
        var bucket = Array.BinarySearch(_bounds, seconds);
        bucket = bucket < 0 ? ~bucket : bucket;
        Interlocked.Increment(ref _counts[bucket]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sumNanoseconds, (long)(seconds * 1e9));
        Volatile.Write(ref _recent[(Count - 1) & (RecentCapacity - 1)], seconds);
    }

    /// <summary>Up to the last 32 observations in seconds, oldest first (approximate while observations race).</summary>
    public double[] Recent()
    {
        var count = Count;
        var n = (int)Math.Min(count, RecentCapacity);
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = Volatile.Read(ref _recent[(count - n + i) & (RecentCapacity - 1)]);
        }

        return result;
    }

    /// <summary>Estimated quantile (0..1) in seconds, interpolated within the bucket; 0 when empty.</summary>
    public double Quantile(double q)
    {
        var total = Count;
        if (total == 0)
        {
            return 0;
        }

        var rank = q * total;
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            var inBucket = Interlocked.Read(ref _counts[i]);
            if (inBucket > 0 && seen + inBucket >= rank)
            {
                var lower = i == 0 ? 0 : _bounds[i - 1];
                var upper = i < _bounds.Length ? _bounds[i] : _bounds[^1];
                return lower + ((upper - lower) * Math.Clamp((rank - seen) / inBucket, 0, 1));
            }

            seen += inBucket;
        }

        return _bounds[^1];
    }

    /// <summary>Writes the bucket, sum and count lines for one series.</summary>
    public void WriteTo(StringBuilder text, string name, string labels)
    {
        long cumulative = 0;
        var separator = labels.Length > 0 ? "," : "";
        for (var i = 0; i < _bounds.Length; i++)
        {
            cumulative += Interlocked.Read(ref _counts[i]);
            text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{labels}{separator}le=\"{_bounds[i]:R}\"}} {cumulative}\n");
        }

        cumulative += Interlocked.Read(ref _counts[^1]);
        text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{labels}{separator}le=\"+Inf\"}} {cumulative}\n");
        var braces = labels.Length > 0 ? $"{{{labels}}}" : "";
        text.Append(CultureInfo.InvariantCulture, $"{name}_sum{braces} {SumSeconds:R}\n");
        text.Append(CultureInfo.InvariantCulture, $"{name}_count{braces} {cumulative}\n");
    }
}
