using System.Buffers;
using System.Buffers.Binary;

namespace Jarvis.Protocol.Link;

/// <summary>
/// Reads and writes binary audio frames: byte 0 = version (high nibble) | direction (low nibble), byte 1 = codec,
/// bytes 2-5 = sequence (u32 LE), bytes 6-11 = capture timestamp µs (u48 LE), then the payload. Allocates nothing.
/// </summary>
public static class AudioFrameCodec
{
    /// <summary>Parses <paramref name="frame"/>; on anything but <see cref="AudioFrameStatus.Ok"/> the outputs are default.</summary>
    public static AudioFrameStatus TryRead(ReadOnlySpan<byte> frame, out LinkAudioHeader header, out ReadOnlySpan<byte> payload)
    {
        header = default;
        payload = default;
        if (frame.Length < LinkProtocol.AudioHeaderBytes)
        {
            return AudioFrameStatus.TooShort;
        }

        if (frame.Length > LinkProtocol.MaxFrameBytes)
        {
            return AudioFrameStatus.TooLarge;
        }

        if (frame[0] >> 4 != LinkProtocol.Version)
        {
            return AudioFrameStatus.UnsupportedVersion;
        }

        var direction = (StreamDirection)(frame[0] & 0x0F);
        if (direction is not (StreamDirection.Uplink or StreamDirection.Downlink))
        {
            return AudioFrameStatus.UnknownDirection;
        }

        var codec = (LinkCodec)frame[1];
        if (codec is not (LinkCodec.Opus or LinkCodec.Pcm16))
        {
            return AudioFrameStatus.UnknownCodec;
        }

        var body = frame[LinkProtocol.AudioHeaderBytes..];
        if (body.IsEmpty)
        {
            return AudioFrameStatus.EmptyPayload;
        }

        if (codec == LinkCodec.Pcm16 && (body.Length & 1) != 0)
        {
            return AudioFrameStatus.OddPcmLength;
        }

        var sequence = BinaryPrimitives.ReadUInt32LittleEndian(frame[2..]);
        var timestamp = (long)BinaryPrimitives.ReadUInt32LittleEndian(frame[6..])
            | (long)BinaryPrimitives.ReadUInt16LittleEndian(frame[10..]) << 32;
        header = new LinkAudioHeader(direction, codec, sequence, timestamp);
        payload = body;
        return AudioFrameStatus.Ok;
    }

    /// <summary>The size of a frame carrying <paramref name="payloadLength"/> bytes.</summary>
    public static int FrameLength(int payloadLength) => LinkProtocol.AudioHeaderBytes + payloadLength;

    /// <summary>Writes a frame into <paramref name="destination"/> and returns its length.</summary>
    /// <exception cref="ArgumentException">The payload is empty or too large, or the destination too small.</exception>
    public static int Write(in LinkAudioHeader header, ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        if (payload.IsEmpty || payload.Length > LinkProtocol.MaxAudioPayloadBytes)
        {
            throw new ArgumentException(
                $"An audio payload must be 1 to {LinkProtocol.MaxAudioPayloadBytes} bytes, not {payload.Length}.", nameof(payload));
        }

        var length = FrameLength(payload.Length);
        if (destination.Length < length)
        {
            throw new ArgumentException($"The destination needs {length} bytes, it has {destination.Length}.", nameof(destination));
        }

        WriteHeader(header, destination);
        payload.CopyTo(destination[LinkProtocol.AudioHeaderBytes..]);
        return length;
    }

    /// <summary>Writes a frame into <paramref name="writer"/> and returns its length.</summary>
    public static int Write(in LinkAudioHeader header, ReadOnlySpan<byte> payload, IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var length = Write(header, payload, writer.GetSpan(FrameLength(payload.Length)));
        writer.Advance(length);
        return length;
    }

    /// <summary>Writes only the 12-byte header (for callers that encode the payload in place right after it).</summary>
    public static void WriteHeader(in LinkAudioHeader header, Span<byte> destination)
    {
        if (destination.Length < LinkProtocol.AudioHeaderBytes)
        {
            throw new ArgumentException($"A header needs {LinkProtocol.AudioHeaderBytes} bytes.", nameof(destination));
        }

        if (header.Direction is not (StreamDirection.Uplink or StreamDirection.Downlink)
            || header.Codec is not (LinkCodec.Opus or LinkCodec.Pcm16))
        {
            throw new ArgumentException($"Unknown direction {header.Direction} or codec {header.Codec}.", nameof(header));
        }

        destination[0] = (byte)(LinkProtocol.Version << 4 | (byte)header.Direction);
        destination[1] = (byte)header.Codec;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[2..], header.Sequence);
        var timestamp = header.TimestampUs & LinkAudioHeader.MaxTimestampUs;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[6..], (uint)timestamp);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[10..], (ushort)(timestamp >> 32));
    }
}
