namespace Jarvis.Protocol.Ogg;

/// <summary>
/// The Ogg page checksum (RFC 3533 §6): CRC-32 with polynomial 0x04C11DB7, initial value 0,
/// no bit reflection and no final XOR, computed over the page with its CRC field zeroed.
/// </summary>
public static class OggCrc
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>Checksum of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Update(0, data);

    /// <summary>Continues a checksum over more bytes (start with 0).</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        var table = Table;
        foreach (var b in data)
        {
            crc = (crc << 8) ^ table[(int)((crc >> 24) ^ b)];
        }

        return crc;
    }

    /// <summary>Continues a checksum over <paramref name="count"/> zero bytes.</summary>
    public static uint UpdateZeros(uint crc, int count)
    {
        var table = Table;
        for (var i = 0; i < count; i++)
        {
            crc = (crc << 8) ^ table[(int)(crc >> 24)];
        }

        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var r = i << 24;
            for (var bit = 0; bit < 8; bit++)
            {
                r = (r & 0x80000000u) != 0 ? (r << 1) ^ 0x04C11DB7u : r << 1;
            }

            table[i] = r;
        }

        return table;
    }
}
