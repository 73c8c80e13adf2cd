using System.Buffers;

namespace Jarvis.Protocol.Link;

/// <summary>
/// Joins the fragments of one WebSocket message (<c>ReceiveAsync</c> with <c>EndOfMessage = false</c>) in a pooled
/// buffer that grows up to the limit. Receive straight into <see cref="GetMemory"/> and call <see cref="Advance"/>,
/// or copy with <see cref="Append"/>. After <see cref="FragmentStatus.Complete"/>, <see cref="Message"/> is valid until
/// the next call; the next fragment starts a new message. One assembler per connection, not thread-safe.
/// </summary>
public sealed class LinkFrameAssembler : IDisposable
{
    private const int InitialBytes = 4096;

    private readonly ArrayPool<byte> _pool;
    private byte[] _buffer = [];
    private int _length;
    private bool _complete;
    private bool _discarding;

    /// <summary>Creates an assembler for messages of at most <paramref name="maxMessageBytes"/> bytes.</summary>
    public LinkFrameAssembler(int maxMessageBytes = LinkProtocol.MaxFrameBytes, ArrayPool<byte>? pool = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageBytes, 1);
        MaxMessageBytes = maxMessageBytes;
        _pool = pool ?? ArrayPool<byte>.Shared;
    }

    /// <summary>The largest message accepted.</summary>
    public int MaxMessageBytes { get; }

    /// <summary>Bytes of the current message so far.</summary>
    public int Length => _length;

    /// <summary>The complete message (after <see cref="FragmentStatus.Complete"/>).</summary>
    public ReadOnlySpan<byte> Message => _complete ? _buffer.AsSpan(0, _length) : default;

    /// <summary>The complete message as memory (after <see cref="FragmentStatus.Complete"/>).</summary>
    public ReadOnlyMemory<byte> MessageMemory => _complete ? _buffer.AsMemory(0, _length) : default;

    /// <summary>
    /// Free space to receive the next fragment into: at least one byte (so an oversized message is noticed), at most
    /// what is left below the limit plus one.
    /// </summary>
    public Memory<byte> GetMemory(int sizeHint = InitialBytes)
    {
        StartNextMessageIfComplete();
        var room = MaxMessageBytes + 1 - _length;
        var wanted = Math.Clamp(sizeHint, 1, room);
        EnsureCapacity(_length + wanted);
        return _buffer.AsMemory(_length, Math.Min(_buffer.Length - _length, room));
    }

    /// <summary>Records <paramref name="count"/> bytes received into <see cref="GetMemory"/>.</summary>
    public FragmentStatus Advance(int count, bool endOfMessage)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _length);
        _length += count;
        return Settle(endOfMessage);
    }

    /// <summary>Copies a fragment in.</summary>
    public FragmentStatus Append(ReadOnlySpan<byte> fragment, bool endOfMessage)
    {
        StartNextMessageIfComplete();
        if (!_discarding)
        {
            var take = Math.Min(fragment.Length, MaxMessageBytes + 1 - _length);
            EnsureCapacity(_length + take);
            fragment[..take].CopyTo(_buffer.AsSpan(_length));
            _length += take;
        }

        return Settle(endOfMessage);
    }

    /// <summary>Forgets the current message (e.g. after a close).</summary>
    public void Reset()
    {
        _length = 0;
        _complete = false;
        _discarding = false;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Reset();
        if (_buffer.Length > 0)
        {
            _pool.Return(_buffer);
            _buffer = [];
        }
    }

    private FragmentStatus Settle(bool endOfMessage)
    {
        if (_discarding || _length > MaxMessageBytes)
        {
            // Drop the rest of this message; the caller closes the connection.
            _length = 0;
            _discarding = !endOfMessage;
            return FragmentStatus.TooLarge;
        }

        _complete = endOfMessage;
        return endOfMessage ? FragmentStatus.Complete : FragmentStatus.NeedMore;
    }

    private void StartNextMessageIfComplete()
    {
        if (_complete)
        {
            _length = 0;
            _complete = false;
        }
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _buffer.Length)
        {
            return;
        }

        var size = Math.Max(needed, Math.Min(Math.Max(_buffer.Length * 2, InitialBytes), MaxMessageBytes + 1));
        var bigger = _pool.Rent(size);
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        if (_buffer.Length > 0)
        {
            _pool.Return(_buffer);
        }

        _buffer = bigger;
    }
}
