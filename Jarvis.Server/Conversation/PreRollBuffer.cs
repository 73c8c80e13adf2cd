namespace Jarvis.Server.Conversation;

/// <summary>The last few hundred milliseconds of a room's decoded PCM (16-bit), kept while nobody speaks: a fixed ring, no allocation per frame.</summary>
internal sealed class PreRollBuffer(int capacityBytes)
{
    private readonly byte[] _ring = new byte[Math.Max(2, capacityBytes & ~1)];
    private int _start;
    private int _count;

    public void Write(ReadOnlySpan<byte> pcm)
    {
        if (pcm.Length >= _ring.Length)
        {
            pcm[^_ring.Length..].CopyTo(_ring);
            (_start, _count) = (0, _ring.Length);
            return;
        }

        var end = (_start + _count) % _ring.Length;
        var first = Math.Min(pcm.Length, _ring.Length - end);
        pcm[..first].CopyTo(_ring.AsSpan(end));
        pcm[first..].CopyTo(_ring);
        var overflow = Math.Max(0, _count + pcm.Length - _ring.Length);
        _start = (_start + overflow) % _ring.Length;
        _count = Math.Min(_ring.Length, _count + pcm.Length);
    }

    /// <summary>Moves the buffered audio (oldest first) into <paramref name="destination"/> and empties the ring; returns the bytes copied.</summary>
    public int Drain(Span<byte> destination)
    {
        var first = Math.Min(_count, _ring.Length - _start);
        _ring.AsSpan(_start, first).CopyTo(destination);
        _ring.AsSpan(0, _count - first).CopyTo(destination[first..]);
        var copied = _count;
        (_start, _count) = (0, 0);
        return copied;
    }

    public int Capacity => _ring.Length;
}
