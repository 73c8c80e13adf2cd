namespace Jarvis.Protocol.Opus;

/// <summary>
/// Joins consecutive single-frame Opus packets of one configuration into one packet of several frames (RFC 6716 §3.2:
/// code 1 or 2 for two frames, code 3 for more), byte for byte as libopus's repacketizer writes them; decoding the joined
/// packet gives exactly the samples of its frames decoded one by one. Holds copies of the frames in fixed buffers: nothing
/// is allocated per packet (Concentus' managed repacketizer allocates ~4 KB per packet). Not thread-safe.
/// </summary>
public sealed class OpusPacketJoiner
{
    /// <summary>The largest frame Opus allows (RFC 6716 §3.2.1).</summary>
    public const int MaxFrameBytes = 1275;

    private readonly byte[] _frames;
    private readonly int[] _lengths;
    private byte _toc;

    public OpusPacketJoiner(int maxFrames)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrames, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxFrames, 48); // the most a code 3 packet can hold
        _frames = new byte[maxFrames * MaxFrameBytes];
        _lengths = new int[maxFrames];
    }

    /// <summary>The frames held.</summary>
    public int Count { get; private set; }

    /// <summary>The most frames one joined packet holds.</summary>
    public int MaxFrames => _lengths.Length;

    /// <summary>The size of a buffer that holds any joined packet.</summary>
    public int MaxPacketBytes => 2 + (2 * (MaxFrames - 1)) + (MaxFrames * MaxFrameBytes);

    /// <summary>
    /// True when <paramref name="packet"/> is a single-frame packet (code 0) that can join what is held: same mode, bandwidth,
    /// frame size and channels, room for one more frame and at most 120 ms in all.
    /// </summary>
    public bool CanAdd(ReadOnlySpan<byte> packet)
    {
        if (packet.IsEmpty || (packet[0] & 3) != 0 || packet.Length - 1 > MaxFrameBytes || Count == MaxFrames)
        {
            return false;
        }

        if (Count > 0)
        {
            return packet[0] == _toc && OpusPacket.TryGetSampleCount(packet, 48000, out var samples) && samples * (Count + 1) <= 48 * OpusPacket.MaxDurationMilliseconds;
        }

        return OpusPacket.TryGetSampleCount(packet, 48000, out _);
    }

    /// <summary>Adds a copy of <paramref name="packet"/>'s frame.</summary>
    /// <exception cref="ArgumentException">It cannot join (<see cref="CanAdd"/> is false).</exception>
    public void Add(ReadOnlySpan<byte> packet)
    {
        if (!CanAdd(packet))
        {
            throw new ArgumentException("Only a single-frame Opus packet of the same configuration can join, up to the frame count and 120 ms.", nameof(packet));
        }

        _toc = packet[0];
        packet[1..].CopyTo(_frames.AsSpan(Count * MaxFrameBytes));
        _lengths[Count] = packet.Length - 1;
        Count++;
    }

    /// <summary>Writes the frames held as one packet into <paramref name="destination"/> and forgets them; returns its length.</summary>
    /// <exception cref="InvalidOperationException">No frame is held.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small (<see cref="MaxPacketBytes"/> always fits).</exception>
    public int Join(Span<byte> destination)
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("No frame to join.");
        }

        var size = JoinedSize();
        if (destination.Length < size)
        {
            throw new ArgumentException($"The joined packet needs {size} bytes.", nameof(destination));
        }

        var at = 0;
        if (Count == 1)
        {
            destination[at++] = _toc;
        }
        else if (Count == 2)
        {
            var same = _lengths[0] == _lengths[1];
            destination[at++] = (byte)(_toc | (same ? 1 : 2));
            if (!same)
            {
                at += WriteLength(_lengths[0], destination[at..]);
            }
        }
        else
        {
            var vbr = !AllSameLength();
            destination[at++] = (byte)(_toc | 3);
            destination[at++] = (byte)((vbr ? 0x80 : 0) | Count);
            for (var i = 0; vbr && i < Count - 1; i++)
            {
                at += WriteLength(_lengths[i], destination[at..]);
            }
        }

        for (var i = 0; i < Count; i++)
        {
            _frames.AsSpan(i * MaxFrameBytes, _lengths[i]).CopyTo(destination[at..]);
            at += _lengths[i];
        }

        Count = 0;
        return at;
    }

    /// <summary>Forgets the frames held.</summary>
    public void Clear() => Count = 0;

    private int JoinedSize()
    {
        var size = 0;
        for (var i = 0; i < Count; i++)
        {
            size += _lengths[i];
        }

        var lengthBytes = 0;
        if (Count == 2 && _lengths[0] != _lengths[1])
        {
            lengthBytes = LengthBytes(_lengths[0]);
        }
        else if (Count > 2 && !AllSameLength())
        {
            for (var i = 0; i < Count - 1; i++)
            {
                lengthBytes += LengthBytes(_lengths[i]);
            }
        }

        return size + lengthBytes + (Count > 2 ? 2 : 1);
    }

    private bool AllSameLength()
    {
        for (var i = 1; i < Count; i++)
        {
            if (_lengths[i] != _lengths[0])
            {
                return false;
            }
        }

        return true;
    }

    private static int LengthBytes(int length) => length < 252 ? 1 : 2;

    /// <summary>A frame length in one byte below 252, else two (RFC 6716 §3.2.1).</summary>
    private static int WriteLength(int length, Span<byte> destination)
    {
        if (length < 252)
        {
            destination[0] = (byte)length;
            return 1;
        }

        destination[0] = (byte)(252 + (length & 3));
        destination[1] = (byte)((length - destination[0]) >> 2);
        return 2;
    }
}
