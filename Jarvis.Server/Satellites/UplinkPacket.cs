using System.Buffers;

namespace Jarvis.Server.Satellites;

/// <summary>A room's Opus packet waiting to go to PersonaPlex, in a rented buffer, with its arrival timestamp.</summary>
internal readonly record struct UplinkPacket(byte[] Buffer, int Length, long ReceivedTimestamp)
{
    public static UplinkPacket CopyOf(ReadOnlySpan<byte> packet, long receivedTimestamp)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(packet.Length);
        packet.CopyTo(buffer);
        return new UplinkPacket(buffer, packet.Length, receivedTimestamp);
    }

    public ReadOnlyMemory<byte> Data => Buffer.AsMemory(0, Length);

    public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
}
