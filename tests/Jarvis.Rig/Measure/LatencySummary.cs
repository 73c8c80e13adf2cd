namespace Jarvis.Rig.Measure;

/// <summary>p50/p95/max of a set of latencies in milliseconds (nearest-rank percentiles).</summary>
public sealed record LatencySummary(int Count, double P50, double P95, double Max)
{
    public static readonly LatencySummary Empty = new(0, double.NaN, double.NaN, double.NaN);

    public static LatencySummary Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return sorted.Length == 0 ? Empty : new(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95), sorted[^1]);
    }

    public override string ToString() => Count == 0 ? "no samples" : $"p50 {P50:0} / p95 {P95:0} / max {Max:0} ms (n={Count})";

    private static double Rank(double[] sorted, double quantile) => sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
