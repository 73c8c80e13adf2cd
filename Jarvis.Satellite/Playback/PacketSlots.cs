namespace Jarvis.Satellite.Playback;

/// <summary>Preallocated storage for queued packets, indexed by sequence number modulo the capacity.</summary>
internal sealed class PacketSlots
{
    public const int MaxPacketBytes = 4000;

    private readonly byte[][] data;
    private readonly int[] lengths;
    private readonly int[] samples;
    private readonly uint[] sequences;
    private readonly bool[] used;

    public PacketSlots(int capacity)
    {
        data = new byte[capacity][];
        for (var i = 0; i < capacity; i++)
        {
            data[i] = new byte[MaxPacketBytes];
        }

        lengths = new int[capacity];
        samples = new int[capacity];
        sequences = new uint[capacity];
        used = new bool[capacity];
    }

    public int Count { get; private set; }

    /// <summary>Total decoded length of the stored packets.</summary>
    public int QueuedSamples { get; private set; }

    /// <summary>Stores a packet; false for a duplicate or an oversized packet. A packet too far ahead evicts the slot's occupant.</summary>
    public bool Store(uint sequence, ReadOnlySpan<byte> packet, int sampleCount)
    {
        if (packet.Length > MaxPacketBytes)
        {
            return false;
        }

        var slot = (int)(sequence % (uint)data.Length);
        if (used[slot])
        {
            if (sequences[slot] == sequence)
            {
                return false;
            }

            Remove(slot);
        }

        packet.CopyTo(data[slot]);
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
        Array.Clear(used);
        Count = 0;
        QueuedSamples = 0;
    }

    private void Remove(int slot)
    {
        used[slot] = false;
        Count--;
        QueuedSamples -= samples[slot];
    }
}
