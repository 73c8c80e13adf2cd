using Jarvis.Server.HomeAssistant.Intents;
using Jarvis.Server.HomeAssistant.Model;

namespace Jarvis.Server.HomeAssistant.Conversation;

/// <summary>
/// Reads a sentence the duplex model said for an offer of a home action: a question form ("want me to", "shall I", "should
/// I", "would you like me to" …, or "I can … if you like") followed by a command the intent engine recognises ("Want me to
/// turn on some lights?", "Shall I dim the lights?", "Should I turn on the living room lights?"). The command keeps the
/// speaker's room unless it names a place.
/// </summary>
internal static class ModelOffers
{
    private static readonly PhraseTrie<bool> Leads = Build(
        "want me to", "do you want me to", "would you like me to", "would you want me to", "shall i", "should i", "can i",
        "may i", "how about i", "how about if i", "what if i", "shall we", "should we", "how about we");

    private static readonly PhraseTrie<bool> Conditional = Build("i can", "i could");

    private static readonly PhraseTrie<bool> IfYouLike = Build("if you want", "if you like", "if youd like", "if you wish");

    public static ModelSentence Read(string sentence, HomeSnapshot home, string? speakerAreaId)
    {
        var tokens = TextTokenizer.Tokenize(sentence);
        var question = sentence.TrimEnd(' ', '"', '\'', ')', '”', '’').EndsWith('?');
        var start = After(Leads, tokens);
        if (start < 0 && (question || Find(IfYouLike, tokens) >= 0))
        {
            start = After(Conditional, tokens);
        }

        if (start < 0)
        {
            return new ModelSentence(question, null);
        }

        // "I can turn on the lights if you like": the command stops where the condition starts.
        var rest = tokens.GetRange(start, tokens.Count - start);
        var condition = Find(IfYouLike, rest);
        var command = string.Join(' ', condition >= 0 ? rest.GetRange(0, condition) : rest);
        var utterance = IntentRecognizer.Analyze(command, home, speakerAreaId);
        var match = utterance.IsQuestion ? null : IntentRecognizer.Recognize(command, home, speakerAreaId);
        var offer = match is not null && CommandShape.IsCommand(match) && CommandShape.IsAboutTheHome(utterance, match) ? match : null;
        return new ModelSentence(true, offer);
    }

    /// <summary>The index right after the first phrase of <paramref name="trie"/> in the tokens, or -1.</summary>
    private static int After(PhraseTrie<bool> trie, List<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var length = trie.LongestMatch(tokens, i, out _);
            if (length > 0)
            {
                return i + length;
            }
        }

        return -1;
    }

    private static int Find(PhraseTrie<bool> trie, List<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (trie.LongestMatch(tokens, i, out _) > 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static PhraseTrie<bool> Build(params string[] phrases)
    {
        var trie = new PhraseTrie<bool>();
        foreach (var phrase in phrases)
        {
            trie.Add(TextTokenizer.Tokenize(phrase), true);
        }

        return trie;
    }
}
