namespace Jarvis.Protocol.Ogg;

/// <summary>
/// Incremental Ogg (Opus) demuxer: <see cref="Append"/> arbitrary byte chunks, then call
/// <see cref="TryReadPacket"/> until it needs more data. As strict as RustAudio/ogg 0.9.2 (capture pattern,
/// version 0, CRC, BOS on a serial's first page, no second BOS, consistent continuation flags; sequence numbers and
/// granules are not checked) and tolerant of PersonaPlex's quirks (24 kHz granules, no EOS, many pages per chunk).
/// Buffers are reused, so steady-state reading allocates nothing.
/// </summary>
public sealed class OggOpusReader
{
    private readonly OggReaderOptions _options;
    private readonly OggStreamTracker _tracker;
    private readonly OggInputBuffer _input = new();
    private bool _inPage;
    private OggPageHeader _page;
    private OggLogicalStream? _pageStream;
    private int _segmentIndex;
    private int _bodyOffset;
    private bool _skipLeadingFragment;

    public OggOpusReader(OggReaderOptions? options = null)
    {
        _options = options ?? new OggReaderOptions();
        _tracker = new OggStreamTracker(_options.RequireBos);
    }

    /// <summary>Why the reader stopped (null while the stream is valid).</summary>
    public string? Error { get; private set; }

    /// <summary>The last OpusHead read (null before the first one).</summary>
    public OpusHead? Head { get; private set; }

    /// <summary>Number of bytes appended but not yet consumed.</summary>
    public int BufferedBytes => _input.Length;

    /// <summary>Adds bytes received from the transport. Ignored once the reader is in error.</summary>
    public void Append(ReadOnlySpan<byte> chunk)
    {
        if (Error is not null || chunk.IsEmpty)
        {
            return;
        }

        _input.Append(chunk);
    }

    /// <summary>Reads the next packet; its data is valid until the next call on this reader.</summary>
    public OggReadStatus TryReadPacket(out OggPacket packet)
    {
        packet = default;
        while (Error is null)
        {
            if (!_inPage)
            {
                var status = BeginPage();
                if (status != OggReadStatus.Packet)
                {
                    return status;
                }
            }

            if (TryTakePacket(out packet))
            {
                return OggReadStatus.Packet;
            }

            if (Error is null)
            {
                EndPage();
            }
        }

        return OggReadStatus.Error;
    }

    private OggReadStatus BeginPage()
    {
        var status = OggPageHeader.TryParse(_input.Unconsumed, _options.VerifyCrc, out _page, out var error);
        if (status == OggReadStatus.Error)
        {
            return Fail(error!);
        }

        if (status == OggReadStatus.NeedMoreData)
        {
            return status;
        }

        var stream = _tracker.Admit(_page, out _skipLeadingFragment, out error);
        if (stream is null)
        {
            return Fail(error!);
        }

        _pageStream = stream;
        _segmentIndex = 0;
        _bodyOffset = _page.BodyOffset;
        _inPage = true;
        return OggReadStatus.Packet;
    }

    private bool TryTakePacket(out OggPacket packet)
    {
        packet = default;
        var lacing = _input.Unconsumed.Slice(_page.LacingOffset, _page.SegmentCount);
        var length = 0;
        var terminated = false;
        while (_segmentIndex < lacing.Length && !terminated)
        {
            var value = lacing[_segmentIndex++];
            length += value;
            terminated = value < 255;
        }

        if (length == 0 && !terminated)
        {
            return false;
        }

        if (_skipLeadingFragment)
        {
            // Joined mid-stream (BOS not required): the tail of a packet we never saw is dropped.
            _skipLeadingFragment = false;
            _pageStream!.SkippingUnseenPacket = !terminated;
            _bodyOffset += length;
            return terminated && TryTakePacket(out packet);
        }

        var stream = _pageStream!;
        var fragment = _input.Slice(_bodyOffset, length);
        _bodyOffset += length;
        if (!terminated || stream.HasPartial)
        {
            if (!stream.AppendPartial(fragment.Span, _options.MaxPacketSize))
            {
                Fail($"packet of serial {_page.Serial} is larger than {_options.MaxPacketSize} bytes");
                return false;
            }

            if (!terminated)
            {
                return false;
            }

            fragment = stream.TakePacket();
        }

        var data = fragment.Span;
        var isHead = data.StartsWith(OpusHead.Magic);
        if (isHead && OpusHead.TryParse(data, out var head))
        {
            Head = head;
        }

        var lastOnPage = _segmentIndex == lacing.Length;
        packet = new OggPacket(
            fragment,
            _page.Granule,
            _page.Serial,
            _page.Sequence,
            isHead || data.StartsWith(OpusTags.Magic),
            lastOnPage && (_page.Flags & OggPageFlags.EndOfStream) != 0);
        return true;
    }

    private void EndPage()
    {
        if ((_page.Flags & OggPageFlags.EndOfStream) != 0)
        {
            _pageStream!.Ended = true;
        }

        _input.Consume(_page.PageLength);
        _inPage = false;
        _pageStream = null;
    }

    private OggReadStatus Fail(string reason)
    {
        Error = reason;
        _inPage = false;
        _input.Clear();
        return OggReadStatus.Error;
    }
}
