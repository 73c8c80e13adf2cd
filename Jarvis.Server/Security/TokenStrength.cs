namespace Jarvis.Server.Security;

/// <summary>
/// Judges a shared secret (satellite token, API token, MQTT password) the way a generator would have made it: the
/// estimated entropy is <c>length × log2(alphabet)</c>, the alphabet being hex (16) when the token is hex, else the sum of
/// the character classes it uses (26 lower, 26 upper, 10 digits, 33 symbols). Patterns cost their length: a run of six
/// or more repeated or consecutive characters ("aaaaaa", "012345") is not counted, and the example's placeholders
/// are refused outright.
/// </summary>
public static class TokenStrength
{
    public const double MinimumBits = 128;

    /// <summary>The shortest run of repeated or consecutive characters that counts as a pattern.</summary>
    private const int PatternRun = 6;

    private static readonly string[] PlaceholderMarks = ["replace-with", "replace_with", "changeme", "change-me", "placeholder", "your-token", "example"];

    /// <summary>Null when the token is strong enough, else what is wrong with it (for a message that says what to do).</summary>
    public static string? Problem(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return "it is missing";
        }

        if (PlaceholderMarks.Any(mark => token.Contains(mark, StringComparison.OrdinalIgnoreCase)))
        {
            return "it is the example's placeholder";
        }

        var bits = EstimateBits(token);
        return bits < MinimumBits ? $"it has about {bits:0} bits of entropy, under {MinimumBits:0}" : null;
    }

    /// <summary>The estimated entropy in bits (see the type's summary).</summary>
    public static double EstimateBits(string token)
    {
        var counted = token.Length - PatternCharacters(token);
        return counted * Math.Log2(Alphabet(token));
    }

    private static int Alphabet(string token)
    {
        if (token.All(char.IsAsciiHexDigitLower) || token.All(char.IsAsciiHexDigitUpper))
        {
            return 16;
        }

        var size = 0;
        size += token.Any(char.IsAsciiLetterLower) ? 26 : 0;
        size += token.Any(char.IsAsciiLetterUpper) ? 26 : 0;
        size += token.Any(char.IsAsciiDigit) ? 10 : 0;
        size += token.Any(c => !char.IsAsciiLetterOrDigit(c)) ? 33 : 0;
        return Math.Max(size, 2);
    }

    /// <summary>Characters inside runs of <see cref="PatternRun"/> or more repeated or consecutive characters.</summary>
    private static int PatternCharacters(string token)
    {
        var total = 0;
        var start = 0;
        while (start < token.Length - 1)
        {
            var step = token[start + 1] - token[start];
            var end = start + 1;
            if (step is >= -1 and <= 1)
            {
                while (end + 1 < token.Length && token[end + 1] - token[end] == step)
                {
                    end++;
                }
            }

            var length = end - start + 1;
            if (step is >= -1 and <= 1 && length >= PatternRun)
            {
                total += length;
                start = end + 1;
            }
            else
            {
                start++;
            }
        }

        return total;
    }
}
