namespace Jarvis.Protocol.Ogg;

/// <summary>
/// The reader's byte buffer: appended bytes not yet consumed, compacted (and grown only when a chunk does not fit),
/// so steady-state reading allocates nothing. Compaction moves bytes: spans taken earlier become invalid.
/// </summary>
internal sealed class OggInputBuffer
{
    private byte[] _buffer = new byte[8192];
    private int _start;
    private int _end;

    public int Length => _end - _start;

    /// <summary>The unconsumed bytes.</summary>
    public Span<byte> Unconsumed => _buffer.AsSpan(_start, _end - _start);

    /// <summary>The unconsumed bytes from <paramref name="offset"/> on, as memory.</summary>
    public ReadOnlyMemory<byte> Slice(int offset, int length) => _buffer.AsMemory(_start + offset, length);

    public void Append(ReadOnlySpan<byte> chunk)
    {
        if (_buffer.Length - _end < chunk.Length)
        {
            var live = _end - _start;
            var target = live + chunk.Length > _buffer.Length ? new byte[Math.Max(live + chunk.Length, _buffer.Length * 2)] : _buffer;
            Buffer.BlockCopy(_buffer, _start, target, 0, live);
            _buffer = target;
            _start = 0;
            _end = live;
        }

        chunk.CopyTo(_buffer.AsSpan(_end));
        _end += chunk.Length;
    }

    public void Consume(int count)
    {
        _start += count;
        if (_start == _end)
        {
            Clear();
        }
    }

    public void Clear()
    {
        _start = 0;
        _end = 0;
    }
}
