using System.Text;

namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>
/// Splits an utterance (or an entity/area name) into lower-case word tokens the same way for both, so
/// names and sentences meet: punctuation dropped, "'s" removed, "%" → "percent", "°" → "degrees",
/// decimal points kept inside numbers ("20.5", "pm2.5").
/// </summary>
public static class TextTokenizer
{
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>(16);
        var word = new StringBuilder(16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c == '.' && word.Length > 0 && char.IsDigit(word[^1]) && i + 1 < text.Length && char.IsDigit(text[i + 1]))
            {
                word.Append(c);
            }
            else if (c is '\'' or '’')
            {
                if (i + 1 < text.Length && char.ToLowerInvariant(text[i + 1]) == 's' && (i + 2 == text.Length || !char.IsLetter(text[i + 2])))
                {
                    i++;
                }
            }
            else
            {
                Flush(tokens, word);
                if (c == '%')
                {
                    tokens.Add("percent");
                }
                else if (c == '°')
                {
                    tokens.Add("degrees");
                }
            }
        }

        Flush(tokens, word);
        return tokens;
    }

    private static void Flush(List<string> tokens, StringBuilder word)
    {
        if (word.Length > 0)
        {
            tokens.Add(word.ToString());
            word.Clear();
        }
    }
}
