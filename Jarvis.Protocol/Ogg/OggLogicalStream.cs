namespace Jarvis.Protocol.Ogg;

/// <summary>Reader state of one logical stream (serial): its partial packet and whether EOS was seen.</summary>
internal sealed class OggLogicalStream
{
    private byte[] _partial = [];

    public int PartialLength { get; private set; }

    public bool HasPartial { get; private set; }

    public bool Ended { get; set; }

    /// <summary>The reader joined mid-packet and drops that packet's remaining pages.</summary>
    public bool SkippingUnseenPacket { get; set; }

    /// <summary>Appends a packet fragment; returns false when the packet would exceed <paramref name="maxPacketSize"/>.</summary>
    public bool AppendPartial(ReadOnlySpan<byte> fragment, int maxPacketSize)
    {
        var needed = PartialLength + fragment.Length;
        if (needed > maxPacketSize)
        {
            return false;
        }

        if (needed > _partial.Length)
        {
            Array.Resize(ref _partial, Math.Max(needed, Math.Max(4096, _partial.Length * 2)));
        }

        fragment.CopyTo(_partial.AsSpan(PartialLength));
        PartialLength = needed;
        HasPartial = true;
        return true;
    }

    /// <summary>Returns the assembled packet (valid until the next append) and clears the partial state.</summary>
    public ReadOnlyMemory<byte> TakePacket()
    {
        var packet = _partial.AsMemory(0, PartialLength);
        PartialLength = 0;
        HasPartial = false;
        return packet;
    }
}
