namespace Jarvis.Server.Status;

/// <summary>A monotonically increasing Prometheus counter; lock-free.</summary>
public sealed class MetricCounter
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Increment() => Interlocked.Increment(ref _value);

    public void Add(long amount) => Interlocked.Add(ref _value, amount);
}
