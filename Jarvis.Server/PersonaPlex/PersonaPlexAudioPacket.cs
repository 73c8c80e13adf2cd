using System.Buffers;

namespace Jarvis.Server.PersonaPlex;

/// <summary>
/// One Opus packet from PersonaPlex (80 ms at 24 kHz), unwrapped from its Ogg page but not decoded.
/// The bytes live in a pooled buffer: whoever takes the packet out of a channel must <see cref="Dispose"/> it exactly once.
/// </summary>
public readonly struct PersonaPlexAudioPacket : IDisposable
{
    /// <summary>
    /// Rented on the PersonaPlex connection's receive loop and returned on the room link's writer, a burst at a time (eight
    /// Realtime sessions' deltas arrive together, 4 packets per 80 ms frame): the shared pool keeps only a few arrays per
    /// size beyond each thread's own, so it missed and allocated (~530 B per miss, 16–84 B per frame at 8 sessions); this
    /// pool is not tied to threads and holds enough. Larger packets than it pools (none in practice) are allocated.
    /// </summary>
    private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(maxArrayLength: 16 * 1024, maxArraysPerBucket: 1024);

    private readonly byte[]? _buffer;

    private PersonaPlexAudioPacket(byte[] buffer, int length, long granule, long arrivalTimestamp)
    {
        _buffer = buffer;
        Length = length;
        Granule = granule;
        ArrivalTimestamp = arrivalTimestamp;
    }

    /// <summary>Packet length in bytes.</summary>
    public int Length { get; }

    /// <summary>Granule position of the page (PersonaPlex counts it in 24 kHz samples: 1920 per page).</summary>
    public long Granule { get; }

    /// <summary><see cref="TimeProvider.GetTimestamp"/> when the page arrived from the socket.</summary>
    public long ArrivalTimestamp { get; }

    public ReadOnlyMemory<byte> Data => _buffer.AsMemory(0, Length);

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    internal static PersonaPlexAudioPacket CopyOf(ReadOnlySpan<byte> packet, long granule, long arrivalTimestamp)
    {
        var buffer = Pool.Rent(packet.Length);
        packet.CopyTo(buffer);
        return new PersonaPlexAudioPacket(buffer, packet.Length, granule, arrivalTimestamp);
    }

    /// <summary>Returns the buffer to the pool; the packet must not be used afterwards.</summary>
    public void Dispose()
    {
        if (_buffer is not null)
        {
            Pool.Return(_buffer);
        }
    }
}
