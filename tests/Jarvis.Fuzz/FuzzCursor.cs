namespace Jarvis.Fuzz;

/// <summary>Takes choices (flags, chunk sizes) from the front of a fuzz input, so that afl-fuzz mutates them too.</summary>
internal ref struct FuzzCursor(ReadOnlySpan<byte> input)
{
    private ReadOnlySpan<byte> _rest = input;

    public readonly ReadOnlySpan<byte> Rest => _rest;

    public readonly bool IsEmpty => _rest.IsEmpty;

    /// <summary>The next byte, or 0 when the input is used up.</summary>
    public byte NextByte()
    {
        if (_rest.IsEmpty)
        {
            return 0;
        }

        var value = _rest[0];
        _rest = _rest[1..];
        return value;
    }

    /// <summary>Up to <paramref name="count"/> bytes.</summary>
    public ReadOnlySpan<byte> Take(int count)
    {
        var take = Math.Min(count, _rest.Length);
        var taken = _rest[..take];
        _rest = _rest[take..];
        return taken;
    }
}
