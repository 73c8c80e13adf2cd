namespace Jarvis.Bench.PersonaPlex;

/// <summary>Preallocated latency samples (no allocation while recording) plus the process's allocations over the window.</summary>
internal sealed class LatencyRecorder
{
    private readonly double[] _milliseconds;
    private volatile bool _recording;
    private long _allocatedAtStart;
    private int _gen0AtStart;

    public LatencyRecorder(int capacity)
    {
        _milliseconds = new double[capacity];
    }

    public int Count { get; private set; }

    public long AllocatedBytes { get; private set; }

    public int Gen0Collections { get; private set; }

    public void StartRecording()
    {
        _gen0AtStart = GC.CollectionCount(0);
        _allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
        _recording = true;
    }

    public void StopRecording()
    {
        _recording = false;
        AllocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - _allocatedAtStart;
        Gen0Collections = GC.CollectionCount(0) - _gen0AtStart;
    }

    public void Add(TimeSpan latency)
    {
        if (_recording && Count < _milliseconds.Length)
        {
            _milliseconds[Count++] = latency.TotalMilliseconds;
        }
    }

    public string Summary() => Summary([this]);

    /// <summary>p50, p99 and max over the samples of several recorders (one per room).</summary>
    public static string Summary(IEnumerable<LatencyRecorder> recorders)
    {
        var sorted = recorders.SelectMany(r => r._milliseconds[..r.Count]).ToArray();
        if (sorted.Length == 0)
        {
            return "no samples";
        }

        Array.Sort(sorted);
        return $"n={sorted.Length} p50 {Percentile(sorted, 0.50):0.000} ms, p99 {Percentile(sorted, 0.99):0.000} ms, max {sorted[^1]:0.000} ms";
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
