using System.Text;

namespace Jarvis.Server.Speech;

/// <summary>Turns LLM text into something a TTS voice reads well: no markdown emphasis, headings, code fences or list bullets.</summary>
public static class SpeakableText
{
    public static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        var trimmed = text.Trim();

        // Leading list markers: "- ", "* ", "• ", "1. ", "2) ".
        var start = 0;
        if (trimmed.Length > 1 && trimmed[0] is '-' or '*' or '•' && trimmed[1] == ' ')
        {
            start = 2;
        }
        else
        {
            var d = 0;
            while (d < trimmed.Length && d < 3 && char.IsDigit(trimmed[d]))
            {
                d++;
            }

            if (d > 0 && d + 1 < trimmed.Length && trimmed[d] is '.' or ')' && trimmed[d + 1] == ' ')
            {
                start = d + 2;
            }
        }

        var space = false;
        for (var i = start; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c is '*' or '#' or '`' or '_' && !(c == '_' && i > 0 && i + 1 < trimmed.Length && char.IsLetterOrDigit(trimmed[i - 1]) && char.IsLetterOrDigit(trimmed[i + 1])))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
