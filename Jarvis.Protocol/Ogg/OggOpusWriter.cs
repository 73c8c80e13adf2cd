using System.Buffers;

namespace Jarvis.Protocol.Ogg;

/// <summary>
/// Writes one Ogg Opus logical stream (RFC 3533 + RFC 7845): the OpusHead and OpusTags header pages,
/// then audio pages of up to <c>maxPacketsPerPage</c> packets. Packets of any size are laced
/// (a multiple of 255 bytes gets a trailing 0 segment); a packet needing more than 255 segments
/// continues on following pages. Allocates nothing per packet.
/// </summary>
public sealed class OggOpusWriter
{
    private readonly uint _serial;
    private readonly OpusHead _head;
    private readonly string _vendor;
    private readonly int _maxPacketsPerPage;
    private readonly byte[] _lacing = new byte[OggPageLayout.MaxSegments];
    private readonly byte[] _body = new byte[OggPageLayout.MaxBodySize];
    private int _segments;
    private int _bodyLength;
    private int _packetsOnPage;
    private bool _pageStartsContinued;
    private bool _headersWritten;
    private bool _ended;

    public OggOpusWriter(uint serial, OpusHead head, string vendor = "Jarvis", int maxPacketsPerPage = 1)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPacketsPerPage, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxPacketsPerPage, OggPageLayout.MaxSegments);
        if (OpusTags.SizeOf(vendor) >= 255)
        {
            throw new ArgumentException("The vendor string must fit the single-segment OpusTags page (< 231 UTF-8 bytes).", nameof(vendor));
        }

        _serial = serial;
        _head = head;
        _vendor = vendor;
        _maxPacketsPerPage = maxPacketsPerPage;
    }

    /// <summary>Granule position after the last packet written (sum of the increments).</summary>
    public long Granule { get; private set; }

    /// <summary>Sequence number of the next page to be written (= pages written so far).</summary>
    public uint PageSequence { get; private set; }

    /// <summary>Writes page 0 (BOS, OpusHead) and page 1 (OpusTags with the vendor and no comments).</summary>
    public void WriteHeaders(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_headersWritten)
        {
            throw new InvalidOperationException("The Ogg Opus headers were already written for this stream.");
        }

        Span<byte> packet = stackalloc byte[254];
        var headSize = _head.WriteTo(packet);
        EmitSinglePacketPage(output, OggPageFlags.BeginOfStream, packet[..headSize]);
        var tagsSize = OpusTags.Write(_vendor, packet);
        EmitSinglePacketPage(output, OggPageFlags.None, packet[..tagsSize]);
        _headersWritten = true;
    }

    /// <summary>
    /// Adds one Opus packet and advances the granule by <paramref name="granuleIncrement"/>
    /// (48 kHz samples per RFC 7845). Returns true when at least one page was written.
    /// </summary>
    public bool WritePacket(ReadOnlySpan<byte> packet, long granuleIncrement, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(granuleIncrement);
        EnsureWritable();

        var wrote = false;
        if (_packetsOnPage > 0 && _segments + OggPageLayout.SegmentsFor(packet.Length) > OggPageLayout.MaxSegments)
        {
            EmitPending(output, OggPageFlags.None, Granule);
            wrote = true;
        }

        var remaining = packet;
        while (remaining.Length >= 255)
        {
            if (_segments == OggPageLayout.MaxSegments)
            {
                // The packet continues on the next page; no packet ends here, so the granule is -1.
                EmitPending(output, OggPageFlags.None, -1);
                _pageStartsContinued = true;
                wrote = true;
            }

            AddSegment(remaining[..255]);
            remaining = remaining[255..];
        }

        if (_segments == OggPageLayout.MaxSegments)
        {
            EmitPending(output, OggPageFlags.None, -1);
            _pageStartsContinued = true;
            wrote = true;
        }

        AddSegment(remaining);
        Granule += granuleIncrement;
        _packetsOnPage++;
        if (_packetsOnPage >= _maxPacketsPerPage)
        {
            EmitPending(output, OggPageFlags.None, Granule);
            wrote = true;
        }

        return wrote;
    }

    /// <summary>
    /// Writes the buffered packets as a page. With <paramref name="endOfStream"/> the page carries the EOS
    /// flag (an empty EOS page is written when nothing is buffered) and the stream accepts no more packets.
    /// </summary>
    public void Flush(IBufferWriter<byte> output, bool endOfStream = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        EnsureWritable();
        if (_segments > 0 || endOfStream)
        {
            EmitPending(output, endOfStream ? OggPageFlags.EndOfStream : OggPageFlags.None, Granule);
        }

        _ended = endOfStream;
    }

    private void EnsureWritable()
    {
        if (!_headersWritten)
        {
            throw new InvalidOperationException("Call WriteHeaders before writing audio packets.");
        }

        if (_ended)
        {
            throw new InvalidOperationException("The Ogg stream was already ended (EOS written).");
        }
    }

    private void AddSegment(ReadOnlySpan<byte> segment)
    {
        _lacing[_segments++] = (byte)segment.Length;
        segment.CopyTo(_body.AsSpan(_bodyLength));
        _bodyLength += segment.Length;
    }

    private void EmitPending(IBufferWriter<byte> output, OggPageFlags flags, long granule)
    {
        if (_pageStartsContinued)
        {
            flags |= OggPageFlags.Continued;
        }

        EmitPage(output, flags, granule, _lacing.AsSpan(0, _segments), _body.AsSpan(0, _bodyLength));
        _segments = 0;
        _bodyLength = 0;
        _packetsOnPage = 0;
        _pageStartsContinued = false;
    }

    private void EmitSinglePacketPage(IBufferWriter<byte> output, OggPageFlags flags, ReadOnlySpan<byte> packet)
    {
        ReadOnlySpan<byte> lacing = [(byte)packet.Length];
        EmitPage(output, flags, 0, lacing, packet);
    }

    private void EmitPage(IBufferWriter<byte> output, OggPageFlags flags, long granule, ReadOnlySpan<byte> lacing, ReadOnlySpan<byte> body)
    {
        var size = OggPageLayout.HeaderSize + lacing.Length + body.Length;
        var written = OggPageLayout.WritePage(output.GetSpan(size), flags, granule, _serial, PageSequence, lacing, body);
        output.Advance(written);
        PageSequence++;
    }
}
