using System.Text.RegularExpressions;

namespace Jarvis.Server.Timers.Grammar;

/// <summary>
/// Home Assistant's broadcast intent: "broadcast MESSAGE", "announce [to everyone] [that] MESSAGE", "tell everyone
/// [that] MESSAGE". The message keeps the words as said.
/// </summary>
public static partial class BroadcastGrammar
{
    public static TimerSentence? Match(string text)
    {
        var match = Broadcast().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var message = match.Groups["message"].Value.Trim().TrimEnd('.', '!');
        return message.Length == 0 ? null : new TimerSentence(TimerIntents.Broadcast) { Message = message };
    }

    [GeneratedRegex(
        @"^(?:(?:hey\s+)?jarvis[,\s]+)?(?:please\s+)?(?:(?:broadcast|announce)(?:\s+(?:to\s+)?(?:everyone|everybody|all\s+rooms|the\s+(?:whole\s+)?house|everywhere))?|tell\s+(?:everyone|everybody|the\s+(?:whole\s+)?house))[,:\s]+(?:that\s+)?(?<message>\S.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Broadcast();
}
