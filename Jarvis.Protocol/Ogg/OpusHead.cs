using System.Buffers.Binary;

namespace Jarvis.Protocol.Ogg;

/// <summary>The Ogg Opus identification header (RFC 7845 §5.1), channel mapping family 0 or a family whose table follows.</summary>
public readonly record struct OpusHead(
    byte Version,
    byte Channels,
    ushort PreSkip,
    uint InputSampleRate,
    short OutputGain,
    byte MappingFamily)
{
    /// <summary>Size of the header without a channel mapping table (family 0).</summary>
    public const int Size = 19;

    public static ReadOnlySpan<byte> Magic => "OpusHead"u8;

    /// <summary>Writes the 19-byte header (family 0 layout) and returns the number of bytes written.</summary>
    public int WriteTo(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException($"OpusHead needs {Size} bytes, got {destination.Length}.", nameof(destination));
        }

        Magic.CopyTo(destination);
        destination[8] = Version;
        destination[9] = Channels;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[10..], PreSkip);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[12..], InputSampleRate);
        BinaryPrimitives.WriteInt16LittleEndian(destination[16..], OutputGain);
        destination[18] = MappingFamily;
        return Size;
    }

    /// <summary>
    /// Parses an OpusHead packet: magic, major version 0 (versions 0–15), at least one channel,
    /// family 0 with 1–2 channels, or another family with its mapping table present.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out OpusHead head)
    {
        head = default;
        if (packet.Length < Size || !packet.StartsWith(Magic))
        {
            return false;
        }

        var version = packet[8];
        var channels = packet[9];
        var family = packet[18];
        if (version > 15 || channels == 0)
        {
            return false;
        }

        if (family == 0 ? channels > 2 : packet.Length < Size + 2 + channels)
        {
            return false;
        }

        head = new OpusHead(
            version,
            channels,
            BinaryPrimitives.ReadUInt16LittleEndian(packet[10..]),
            BinaryPrimitives.ReadUInt32LittleEndian(packet[12..]),
            BinaryPrimitives.ReadInt16LittleEndian(packet[16..]),
            family);
        return true;
    }
}
