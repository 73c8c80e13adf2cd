namespace Jarvis.Server.Tests.Emulators.Ollama;

/// <summary>Splits an answer into LLM-like tokens: words with their leading space, sentence punctuation split off now and then.</summary>
public static class OllamaTokens
{
    public static List<string> Split(string answer)
    {
        var tokens = new List<string>();
        var start = 0;
        for (var i = 1; i <= answer.Length; i++)
        {
            if (i == answer.Length || (answer[i] == ' ' && answer[i - 1] != ' '))
            {
                var word = answer[start..i];
                // Split a final "." / "!" / "?" off every other word, as tokenizers often do.
                if (word.Length > 2 && word[^1] is '.' or '!' or '?' && tokens.Count % 2 == 0)
                {
                    tokens.Add(word[..^1]);
                    tokens.Add(word[^1..]);
                }
                else
                {
                    tokens.Add(word);
                }

                start = i;
            }
        }

        return tokens;
    }
}
