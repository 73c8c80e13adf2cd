namespace Jarvis.Server.Routing.Features;

/// <summary>
/// Words that open a request without saying what it is ("please", "could you", "hey jarvis", "I want to know"): the
/// request's lead is the first token after them, where task verbs and question words are looked for.
/// </summary>
internal static class RequestPrefixes
{
    private static readonly string[][] Phrases =
        [.. ("please|pls|kindly|jarvis|hey jarvis|ok jarvis|okay jarvis|ai|hey|so|now|and|also|then|um|uh|well|"
            + "can you|could you|would you|will you|can u|could u|would you please|can you please|could you please|"
            + "i want you to|i need you to|id like you to|i would like you to|i want to know|i need to know|"
            + "i would like to know|id like to know|i wonder|i was wondering|do you know|tell me|go ahead and|just|"
            + "quickly|i want|i need|i would like|id like|lets|let us|try to|you should|you can|you could|"
            + "i want you|i need you|help me|can you help me|could you help me|please help me")
            .Split('|').Select(p => p.Split(' ')).OrderByDescending(p => p.Length)];

    /// <summary>Index of the first token after any prefixes (never past the last token).</summary>
    public static int LeadIndex(string[] tokens)
    {
        var pos = 0;
        var advanced = true;
        while (advanced)
        {
            advanced = false;
            foreach (var phrase in Phrases)
            {
                if (pos + phrase.Length < tokens.Length && StartsWith(tokens, pos, phrase))
                {
                    pos += phrase.Length;
                    advanced = true;
                    break;
                }
            }
        }

        return pos;
    }

    private static bool StartsWith(string[] tokens, int pos, string[] phrase)
    {
        for (var k = 0; k < phrase.Length; k++)
        {
            if (!string.Equals(tokens[pos + k], phrase[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
