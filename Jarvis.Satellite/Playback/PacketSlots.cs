using System.Buffers;

namespace Jarvis.Satellite.Playback;

/// <summary>
/// Storage for queued packets, indexed by sequence number modulo the capacity; packet bytes live in buffers rented
/// from the shared pool while queued (no allocation in steady state, memory only for what is queued).
/// </summary>
internal sealed class PacketSlots
{
    /// <summary>Larger than any voice packet we expect (an 80 ms hybrid packet at 64 kbps is 640 bytes).</summary>
    public const int MaxPacketBytes = 2000;

    private readonly byte[]?[] data;
    private readonly int[] lengths;
    private readonly int[] samples;
    private readonly uint[] sequences;
    private readonly bool[] used;

    public PacketSlots(int capacity)
    {
        data = new byte[]?[capacity];
        lengths = new int[capacity];
        samples = new int[capacity];
        sequences = new uint[capacity];
        used = new bool[capacity];
    }

    public int Count { get; private set; }

    /// <summary>Total decoded length of the stored packets.</summary>
    public int QueuedSamples { get; private set; }

    public int Capacity => data.Length;

    /// <summary>Stores a packet; false for a duplicate, an oversized packet, or one whose slot still holds an unplayed packet (full).</summary>
    public bool Store(uint sequence, ReadOnlySpan<byte> packet, int sampleCount)
    {
        var slot = (int)(sequence % (uint)data.Length);
        if (packet.Length > MaxPacketBytes || used[slot])
        {
            return false;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(packet.Length);
        packet.CopyTo(buffer);
        data[slot] = buffer;
        lengths[slot] = packet.Length;
        samples[slot] = sampleCount;
        sequences[slot] = sequence;
        used[slot] = true;
        Count++;
        QueuedSamples += sampleCount;
        return true;
    }

    public bool TryGet(uint sequence, out ReadOnlySpan<byte> packet, out int sampleCount)
    {
        var slot = (int)(sequence % (uint)data.Length);
        if (used[slot] && sequences[slot] == sequence)
        {
            packet = data[slot].AsSpan(0, lengths[slot]);
            sampleCount = samples[slot];
            return true;
        }

        packet = default;
        sampleCount = 0;
        return false;
    }

    public void Remove(uint sequence)
    {
        var slot = (int)(sequence % (uint)data.Length);
        if (used[slot] && sequences[slot] == sequence)
        {
            Remove(slot);
        }
    }

    public void Clear()
    {
        for (var slot = 0; slot < used.Length; slot++)
        {
            if (used[slot])
            {
                Remove(slot);
            }
        }
    }

    private void Remove(int slot)
    {
        ArrayPool<byte>.Shared.Return(data[slot]!);
        data[slot] = null;
        used[slot] = false;
        Count--;
        QueuedSamples -= samples[slot];
    }
}
