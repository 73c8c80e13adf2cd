using System.Diagnostics;

namespace Jarvis.Bench.Hub;

/// <summary>Send timestamps by packet id and the measured latencies (preallocated: nothing allocated per packet).</summary>
internal sealed class LatencySamples(int capacity)
{
    private readonly long[] _sentAt = new long[capacity];
    private readonly double[] _latencies = new double[capacity];
    private int _count;

    public bool Recording { get; set; }

    public int Count => Volatile.Read(ref _count);

    public void Sent(int id) => _sentAt[id % _sentAt.Length] = Stopwatch.GetTimestamp();

    public void Received(int id)
    {
        var sent = _sentAt[id % _sentAt.Length];
        if (!Recording || sent == 0)
        {
            return;
        }

        var index = Interlocked.Increment(ref _count) - 1;
        if (index < _latencies.Length)
        {
            _latencies[index] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
        }
    }

    public double Percentile(double p)
    {
        var n = Math.Min(Count, _latencies.Length);
        if (n == 0)
        {
            return double.NaN;
        }

        var sorted = _latencies[..n];
        Array.Sort(sorted);
        return sorted[Math.Clamp((int)Math.Ceiling(p * n) - 1, 0, n - 1)];
    }
}
