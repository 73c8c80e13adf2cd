namespace Jarvis.Satellite.Playback;

/// <summary>Preallocated storage for queued packets, indexed by sequence number modulo the capacity.</summary>
internal sealed class PacketSlots
{
    /// <summary>Larger than any voice packet we expect (an 80 ms hybrid packet at 64 kbps is 640 bytes).</summary>
    public const int MaxPacketBytes = 2000;

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

    public int Capacity => data.Length;

    /// <summary>Stores a packet; false for a duplicate, an oversized packet, or one whose slot still holds an unplayed packet (full).</summary>
    public bool Store(uint sequence, ReadOnlySpan<byte> packet, int sampleCount)
    {
        var slot = (int)(sequence % (uint)data.Length);
        if (packet.Length > MaxPacketBytes || used[slot])
        {
            return false;
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
