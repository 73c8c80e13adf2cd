namespace Jarvis.Protocol.Ogg;

/// <summary>
/// The logical streams (serials) a reader has seen, and the structural rules of RFC 3533 as RustAudio/ogg 0.9.2
/// enforces them: BOS on a serial's first page, no second BOS, nothing after EOS, consistent continuation flags.
/// </summary>
internal sealed class OggStreamTracker(bool requireBos)
{
    private readonly Dictionary<uint, OggLogicalStream> _streams = [];

    /// <summary>
    /// Admits a page: returns its stream, or null with a reason. <paramref name="skipLeadingFragment"/> is set when
    /// the reader joins a stream mid-way (BOS not required) on a page that starts with the tail of an unseen packet.
    /// </summary>
    public OggLogicalStream? Admit(in OggPageHeader page, out bool skipLeadingFragment, out string? error)
    {
        skipLeadingFragment = false;
        error = null;
        var isBos = (page.Flags & OggPageFlags.BeginOfStream) != 0;
        var isContinued = (page.Flags & OggPageFlags.Continued) != 0;
        if (!_streams.TryGetValue(page.Serial, out var stream))
        {
            if (!isBos && requireBos)
            {
                error = $"first page of serial {page.Serial} lacks BOS";
                return null;
            }

            stream = new OggLogicalStream();
            _streams.Add(page.Serial, stream);
            skipLeadingFragment = !isBos && isContinued;
        }
        else if (isBos)
        {
            error = $"second BOS page for serial {page.Serial}";
            return null;
        }
        else if (stream.Ended)
        {
            error = $"page {page.Sequence} of serial {page.Serial} follows its EOS page";
            return null;
        }

        skipLeadingFragment |= isContinued && stream.SkippingUnseenPacket;
        if (isContinued != stream.HasPartial && !skipLeadingFragment)
        {
            error = isContinued
                ? $"page {page.Sequence} of serial {page.Serial} continues a packet that was never started"
                : $"page {page.Sequence} of serial {page.Serial} does not continue the unfinished packet";
            return null;
        }

        return stream;
    }
}
