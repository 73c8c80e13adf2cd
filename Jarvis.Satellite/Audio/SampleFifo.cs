namespace Jarvis.Satellite.Audio;

/// <summary>A fixed-capacity FIFO of samples (single thread), used between resampler and fixed frames.</summary>
internal sealed class SampleFifo(int capacity)
{
    private readonly short[] buffer = new short[capacity];
    private int head;

    public int Count { get; private set; }

    public int Capacity => buffer.Length;

    public void Write(ReadOnlySpan<short> samples)
    {
        if (samples.Length > buffer.Length - Count)
        {
            throw new InvalidOperationException($"Sample FIFO overflow ({Count} + {samples.Length} > {buffer.Length}).");
        }

        var tail = (head + Count) % buffer.Length;
        var first = Math.Min(samples.Length, buffer.Length - tail);
        samples[..first].CopyTo(buffer.AsSpan(tail));
        samples[first..].CopyTo(buffer);
        Count += samples.Length;
    }

    public int Read(Span<short> destination)
    {
        var n = Math.Min(destination.Length, Count);
        var first = Math.Min(n, buffer.Length - head);
        buffer.AsSpan(head, first).CopyTo(destination);
        buffer.AsSpan(0, n - first).CopyTo(destination[first..]);
        head = (head + n) % buffer.Length;
        Count -= n;
        return n;
    }

    public void Clear()
    {
        head = 0;
        Count = 0;
    }
}
