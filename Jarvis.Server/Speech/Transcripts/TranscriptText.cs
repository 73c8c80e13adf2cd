using System.Text;

namespace Jarvis.Server.Speech.Transcripts;

/// <summary>
/// Text helpers of the transcript filter: normalisation for phrase matching (lower case; letters, digits and apostrophes
/// kept in any script; everything else a single space) and removal of the recogniser's non-speech tags.
/// </summary>
internal static class TranscriptText
{
    /// <summary>Lower case, letters/digits/apostrophes kept (typographic apostrophes count), other runs become one space.</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text)
        {
            var c = raw is '\u2018' or '\u2019' or '\u02bc' ? '\'' : char.ToLowerInvariant(raw);
            if (char.IsLetterOrDigit(c) || c == '\'')
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

    /// <summary>
    /// Removes non-speech tags: spans in [brackets], (parentheses) or *asterisks*, and music notes. <paramref name="removed"/>
    /// tells whether there was any.
    /// </summary>
    public static string WithoutTags(string text, out bool removed)
    {
        removed = false;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var close = c switch { '[' => ']', '(' => ')', '*' => '*', _ => '\0' };
            // "*sigh*" is a tag, "5 * 3 * 2" is not.
            if (close != '\0' && (c != '*' || (i + 1 < text.Length && char.IsLetter(text[i + 1]))) && text.IndexOf(close, i + 1) is var end and > 0)
            {
                removed = true;
                sb.Append(' ');
                i = end;
            }
            else if (c is '♪' or '♫' or '♬' or '♩')
            {
                removed = true;
                sb.Append(' ');
            }
            else
            {
                sb.Append(c);
            }
        }

        return removed ? sb.ToString().Trim() : text.Trim();
    }

    public static int LettersOrDigits(string text)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                n++;
            }
        }

        return n;
    }
}
