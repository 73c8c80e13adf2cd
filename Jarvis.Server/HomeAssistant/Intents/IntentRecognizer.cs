using Jarvis.Server.HomeAssistant.Model;

namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>
/// Turns a transcript into an <see cref="IntentMatch"/> against the live home, locally: tokenize, tag names and
/// grammar words (tries, no per-entity loops), then apply the question and command rules.
/// </summary>
public static class IntentRecognizer
{
    /// <summary>Returns null when nothing in the sentence reads as a home command or question.</summary>
    public static IntentMatch? Recognize(string text, HomeSnapshot home, string? speakerAreaId)
    {
        var utterance = Analyze(text, home, speakerAreaId);
        if (utterance.IsQuestion && QuestionRules.Match(utterance) is { } answer)
        {
            return answer;
        }

        return CommandRules.Match(utterance);
    }

    public static Utterance Analyze(string text, HomeSnapshot home, string? speakerAreaId)
    {
        var tokens = TextTokenizer.Tokenize(text);
        var tags = Tagger.Tag(tokens, HomeVocabulary.For(home));
        return new Utterance(tokens, tags, home, speakerAreaId);
    }
}
