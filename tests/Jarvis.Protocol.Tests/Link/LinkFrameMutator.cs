using System.Text;
using Jarvis.Protocol.Link;

namespace Jarvis.Protocol.Tests.Link;

/// <summary>Produces random frames and mutations of valid ones for the link fuzz test.</summary>
internal sealed class LinkFrameMutator(Random random, IReadOnlyList<(LinkFrameType Type, byte[] Frame)> seeds)
{
    private static readonly string[] Types =
        ["hello", "welcome", "mute", "ping", "pong", "stats", "led", "HELLO", "", "x", "voice_activity", "\u00e9t\u00e9", "flush ", "\\uD800", "ping\\u0000", "\\uDC00hello", "\\\""];

    private static readonly string[] Numbers =
        ["99999999999999999999999999", "-1", "1e400", "NaN", "0.5", "2", "-9223372036854775809", "1.7976931348623157e309", "true", "null", "\"1\""];

    public (LinkFrameType Type, byte[] Frame) Next()
    {
        var (type, seed) = seeds[random.Next(seeds.Count)];
        var kind = random.Next(13);
        var frame = kind switch
        {
            0 => RandomBytes(random.Next(0, 300)),
            1 => FlipBits(seed),
            2 => seed[..random.Next(seed.Length + 1)],
            3 => [.. seed, .. RandomBytes(random.Next(1, 50))],
            4 => ReplaceJson(seed, "\"type\":\"", Types[random.Next(Types.Length)]),
            5 => WrongVersion(type, seed),
            6 => ReplaceNumber(seed),
            7 => InsertInvalidUtf8(seed),
            8 => random.Next(25) == 0 ? RandomBytes(random.Next(LinkProtocol.MaxFrameBytes - 10, LinkProtocol.MaxFrameBytes + 10)) : Pad(seed),
            9 => seed.Length > 2 ? Splice(seed) : seed,
            10 => (byte[])seed.Clone(),
            11 => EscapeInString(seed),
            _ => FlipBits(ReplaceJson(seed, "\"type\":\"", Types[random.Next(Types.Length)])),
        };
        var frameType = random.Next(20) == 0 ? Flip(type) : type;
        return (frameType, frame);
    }

    private static LinkFrameType Flip(LinkFrameType type) => type == LinkFrameType.Text ? LinkFrameType.Binary : LinkFrameType.Text;

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private byte[] EscapeInString(byte[] seed)
    {
        string[] escapes = ["\\uD800", "\\uDFFF\\uD800", "\\u0000", "\\u001f", "\\\\", "\\/", "\\x41"];
        var text = Encoding.UTF8.GetString(seed);
        var starts = Enumerable.Range(0, Math.Max(0, text.Length - 2)).Where(i => text[i] == '"' && text[i + 1] == ':' && text[i + 2] == '"').ToList();
        if (starts.Count == 0)
        {
            return seed;
        }

        var at = starts[random.Next(starts.Count)] + 3;
        return Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, at), escapes[random.Next(escapes.Length)], text.AsSpan(at)));
    }

    private byte[] Pad(byte[] seed)
    {
        var length = seed.Length + random.Next(0, 2_000);
        var padded = new byte[length];
        seed.CopyTo(padded, 0);
        padded.AsSpan(seed.Length).Fill((byte)' ');
        return padded;
    }

    private byte[] FlipBits(byte[] seed)
    {
        var copy = (byte[])seed.Clone();
        for (var flips = random.Next(1, 4); flips > 0 && copy.Length > 0; flips--)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }

        return copy;
    }

    private static byte[] ReplaceJson(byte[] seed, string marker, string value)
    {
        var text = Encoding.UTF8.GetString(seed);
        var start = text.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return seed;
        }

        start += marker.Length;
        var end = text.IndexOf('"', start);
        return Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, start), value, text.AsSpan(end)));
    }

    private byte[] WrongVersion(LinkFrameType type, byte[] seed)
    {
        if (type == LinkFrameType.Binary)
        {
            var copy = (byte[])seed.Clone();
            copy[0] = (byte)(random.Next(16) << 4 | (copy[0] & 0x0F));
            return copy;
        }

        var text = Encoding.UTF8.GetString(seed).Replace("\"protocol_version\":1", $"\"protocol_version\":{random.Next(-2, 5)}", StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text);
    }

    private byte[] ReplaceNumber(byte[] seed)
    {
        var text = Encoding.UTF8.GetString(seed);
        var digits = Enumerable.Range(0, text.Length).Where(i => char.IsAsciiDigit(text[i]) && (i == 0 || !char.IsAsciiDigit(text[i - 1]))).ToList();
        if (digits.Count == 0)
        {
            return seed;
        }

        var start = digits[random.Next(digits.Count)];
        var end = start;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
        {
            end++;
        }

        return Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, start), Numbers[random.Next(Numbers.Length)], text.AsSpan(end)));
    }

    private byte[] InsertInvalidUtf8(byte[] seed)
    {
        byte[][] invalid = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF0, 0x28, 0x8C], [0xC0, 0xAF]];
        var at = random.Next(seed.Length + 1);
        return [.. seed[..at], .. invalid[random.Next(invalid.Length)], .. seed[at..]];
    }

    private byte[] Splice(byte[] seed)
    {
        var (_, other) = seeds[random.Next(seeds.Count)];
        var cut = random.Next(1, seed.Length);
        return [.. seed[..cut], .. other[Math.Min(cut, other.Length)..]];
    }
}
