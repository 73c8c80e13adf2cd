using Jarvis.Server.HomeAssistant.Intents;

namespace Jarvis.Server.Announcements;

/// <summary>Reads a yes or a no from a short answer ("yes please", "sure", "nope, not now"); null when it is neither or both.</summary>
public static class YesNo
{
    private static readonly HashSet<string> Yes = new(StringComparer.Ordinal)
    {
        "yes", "yeah", "yep", "yup", "sure", "ok", "okay", "absolutely", "definitely", "please", "correct", "right", "affirmative", "certainly",
    };

    private static readonly HashSet<string> No = new(StringComparer.Ordinal)
    {
        "no", "nope", "nah", "not", "don't", "dont", "never", "negative", "cancel",
    };

    public static string? Parse(string transcript)
    {
        var tokens = TextTokenizer.Tokenize(transcript);
        var no = tokens.Any(No.Contains) || (tokens.Count >= 2 && tokens[0] == "do" && tokens[1] == "not");
        var yes = tokens.Any(Yes.Contains);
        return no ? "no" : yes ? "yes" : null;
    }
}
