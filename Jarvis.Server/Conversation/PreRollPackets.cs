namespace Jarvis.Server.Conversation;

/// <summary>
/// The last few Opus packets of a room while nobody speaks (the VAD fires after the first syllable), kept undecoded in a fixed
/// ring: no decoding and no allocation per packet until an utterance starts.
/// </summary>
internal sealed class PreRollPackets
{
    private const int MaxPacketBytes = 1500;
    private readonly byte[][] _packets;
    private readonly int[] _lengths;
    private int _next;
    private int _count;

    public PreRollPackets(int capacity)
    {
        _packets = new byte[Math.Max(0, capacity)][];
        _lengths = new int[_packets.Length];
        for (var i = 0; i < _packets.Length; i++)
        {
            _packets[i] = new byte[MaxPacketBytes];
        }
    }

    public int Count => _count;

    public void Add(ReadOnlySpan<byte> opus)
    {
        if (_packets.Length == 0 || opus.Length > MaxPacketBytes)
        {
            return;
        }

        opus.CopyTo(_packets[_next]);
        _lengths[_next] = opus.Length;
        _next = (_next + 1) % _packets.Length;
        _count = Math.Min(_count + 1, _packets.Length);
    }

    /// <summary>The <paramref name="index"/>-th kept packet, oldest first.</summary>
    public ReadOnlySpan<byte> this[int index]
    {
        get
        {
            var slot = (_next - _count + index + _packets.Length) % _packets.Length;
            return _packets[slot].AsSpan(0, _lengths[slot]);
        }
    }

    public void Clear() => _count = 0;
}
