using Jarvis.Server.HomeAssistant.Intents;

namespace Jarvis.Server.Timers;

/// <summary>What silences a ringing timer when said on its own: "stop", "stop it", "ok thanks", "enough", "dismiss".</summary>
public static class StopWords
{
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "stop", "enough", "dismiss", "silence", "quiet", "shut", "off", "cancel", "ok", "okay", "thanks", "thank", "got",
    };

    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "jarvis", "hey", "please", "it", "that", "the", "alarm", "ringing", "ring", "timer", "now", "you", "up", "be", "i", "ve", "it",
        "all", "right", "alright",
    };

    public static bool IsStop(string transcript)
    {
        var tokens = TextTokenizer.Tokenize(transcript);
        return tokens.Count is > 0 and <= 5 && tokens.Any(Stop.Contains) && tokens.All(t => Stop.Contains(t) || Filler.Contains(t));
    }
}
