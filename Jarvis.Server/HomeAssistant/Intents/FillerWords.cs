namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>Words that carry no device meaning ("the", "please", "actually"): what is left after them would have to be a name.</summary>
internal static class FillerWords
{
    public static bool Contains(string word) => Words.Contains(word);

    private static readonly HashSet<string> Words =
    [
        "the", "a", "an", "my", "our", "your", "please", "for", "me", "in", "at", "of", "to", "can", "could", "would", "will",
        "you", "i", "want", "we", "and", "then", "now", "actually", "just", "again", "hey", "jarvis", "okay", "ok", "so", "be",
        "sure", "is", "are", "right", "really", "with", "from", "by", "let", "lets", "us",
    ];
}
