using System.Buffers;
using Jarvis.Protocol.Link;

namespace Jarvis.Server.Satellites;

/// <summary>A room's Opus packet waiting to go to PersonaPlex, in a rented buffer, with its arrival timestamp.</summary>
internal readonly record struct UplinkPacket(byte[] Buffer, int Length, long ReceivedTimestamp)
{
    /// <summary>
    /// Rented on a link's read loop and returned on the consumer's: the shared pool keeps only a few dozen arrays per size
    /// beyond each thread's own, so with hundreds of rooms streaming it missed and allocated; this pool holds enough.
    /// </summary>
    private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(LinkProtocol.MaxAudioPayloadBytes, maxArraysPerBucket: 2048);

    public static UplinkPacket CopyOf(ReadOnlySpan<byte> packet, long receivedTimestamp)
    {
        var buffer = Pool.Rent(packet.Length);
        packet.CopyTo(buffer);
        return new UplinkPacket(buffer, packet.Length, receivedTimestamp);
    }

    public ReadOnlyMemory<byte> Data => Buffer.AsMemory(0, Length);

    public void Return() => Pool.Return(Buffer);
}
