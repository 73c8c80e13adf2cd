using System.Buffers.Binary;
using System.Text;

namespace Jarvis.Protocol.Ogg;

/// <summary>The Ogg Opus comment header (RFC 7845 §5.2): "OpusTags", vendor string, user comments.</summary>
public static class OpusTags
{
    public static ReadOnlySpan<byte> Magic => "OpusTags"u8;

    /// <summary>Size of a comment header with <paramref name="vendor"/> and no user comments.</summary>
    public static int SizeOf(string vendor) => 8 + 4 + Encoding.UTF8.GetByteCount(vendor) + 4;

    /// <summary>Writes a comment header with <paramref name="vendor"/> and zero user comments.</summary>
    public static int Write(string vendor, Span<byte> destination)
    {
        var size = SizeOf(vendor);
        if (destination.Length < size)
        {
            throw new ArgumentException($"OpusTags needs {size} bytes, got {destination.Length}.", nameof(destination));
        }

        Magic.CopyTo(destination);
        var vendorLength = Encoding.UTF8.GetBytes(vendor, destination[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(destination[8..], vendorLength);
        BinaryPrimitives.WriteInt32LittleEndian(destination[(12 + vendorLength)..], 0);
        return size;
    }

    /// <summary>Reads the vendor string of a comment header, or null when the packet is not a valid one.</summary>
    public static string? TryReadVendor(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < 16 || !packet.StartsWith(Magic))
        {
            return null;
        }

        var vendorLength = BinaryPrimitives.ReadUInt32LittleEndian(packet[8..]);
        if (vendorLength > (uint)(packet.Length - 16))
        {
            return null;
        }

        return Encoding.UTF8.GetString(packet.Slice(12, (int)vendorLength));
    }
}
