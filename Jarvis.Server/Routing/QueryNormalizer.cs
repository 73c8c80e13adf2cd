using System.Text;

namespace Jarvis.Server.Routing;

/// <summary>
/// The routing corpus's normalisation: lower-case, every character other than a-z, 0-9, apostrophe and space becomes a
/// space, runs of spaces collapse. Typographic apostrophes count as apostrophes. Used for routing and as the cache key.
/// </summary>
public static class QueryNormalizer
{
    public static string Normalize(string query)
    {
        var sb = new StringBuilder(query.Length);
        var pendingSpace = false;
        foreach (var raw in query)
        {
            var c = char.ToLowerInvariant(raw);
            if (c is '\u2018' or '\u2019' or '\u02bc')
            {
                c = '\'';
            }

            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '\'')
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                pendingSpace = false;
                sb.Append(c);
            }
            else
            {
                pendingSpace = true;
            }
        }

        return sb.ToString();
    }

    /// <summary>Tokens for matching: the normalised words with apostrophes removed ("what's" → "whats").</summary>
    public static string[] Tokenize(string normalized)
    {
        var parts = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Contains('\''))
            {
                parts[i] = parts[i].Replace("'", "", StringComparison.Ordinal);
            }
        }

        return parts;
    }
}
