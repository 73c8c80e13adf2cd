namespace Jarvis.Server.Conversation;

/// <summary>The last few hundred milliseconds of decoded PCM, in one fixed buffer (kept while the room may go on talking).</summary>
internal sealed class DecodedTail(int capacityBytes)
{
    private readonly byte[] _pcm = new byte[Math.Max(0, capacityBytes)];
    private int _length;

    public ReadOnlyMemory<byte> Pcm => _pcm.AsMemory(0, _length);

    public void Add(ReadOnlySpan<byte> pcm)
    {
        if (pcm.Length >= _pcm.Length)
        {
            pcm[^_pcm.Length..].CopyTo(_pcm);
            _length = _pcm.Length;
            return;
        }

        var overflow = _length + pcm.Length - _pcm.Length;
        if (overflow > 0)
        {
            _pcm.AsSpan(overflow, _length - overflow).CopyTo(_pcm);
            _length -= overflow;
        }

        pcm.CopyTo(_pcm.AsSpan(_length));
        _length += pcm.Length;
    }

    public void Clear() => _length = 0;
}
