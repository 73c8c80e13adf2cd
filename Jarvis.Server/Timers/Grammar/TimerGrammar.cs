using System.Text.RegularExpressions;
using Jarvis.Server.HomeAssistant.Intents;
using Jarvis.Server.HomeAssistant.Model;

namespace Jarvis.Server.Timers.Grammar;

/// <summary>
/// Recognises Home Assistant's timer intents (and the broadcast intent, <see cref="BroadcastGrammar"/>) in a sentence:
/// a timer word plus a verb class decides the intent; durations are read by <see cref="DurationReader"/>; the amount of a
/// change is the duration after "by" or right after "add"/"take"/"remove", any other duration picks the timer by the length
/// it was started with; areas come from the home's names, any other word that is not grammar names the timer.
/// A delayed command ("open the garage door in 5 minutes") is a start with a command.
/// </summary>
public static partial class TimerGrammar
{
    public static TimerSentence? Match(string text, HomeSnapshot home)
    {
        if (BroadcastGrammar.Match(text) is { } broadcast)
        {
            return broadcast;
        }

        var tokens = TextTokenizer.Tokenize(HalfFraction().Replace(text, " half "));
        if (tokens.Count == 0)
        {
            return null;
        }

        var spans = Durations(tokens);
        if (!tokens.Any(TimerWords.Timer.Contains))
        {
            return DelayedCommand(tokens, spans) ?? TimeLeftQuestion(tokens);
        }

        var intent = IntentOf(tokens, spans);
        if (intent is null)
        {
            return null;
        }

        SpokenDuration? amount = null;
        var startedFor = new List<SpokenDuration>();
        var amountIndex = intent is TimerIntents.Start ? -1 : AmountSpan(tokens, spans, intent);
        for (var s = 0; s < spans.Count; s++)
        {
            if (intent is TimerIntents.Start || s == amountIndex)
            {
                amount = amount is null ? spans[s].Duration : amount.Plus(spans[s].Duration);
            }
            else
            {
                startedFor.Add(spans[s].Duration);
            }
        }

        if (intent is TimerIntents.Start or TimerIntents.Increase or TimerIntents.Decrease && amount is null)
        {
            return null;
        }

        var (name, areaId) = NameAndArea(tokens, spans, home);
        return new TimerSentence(intent)
        {
            Duration = amount,
            Selector = new TimerSelector(name, areaId, startedFor.Count > 0 ? startedFor[0] : null),
        };
    }

    private static string? IntentOf(List<string> tokens, List<DurationSpan> spans)
    {
        bool Any(HashSet<string> words) => tokens.Any(words.Contains);
        var hasAll = Any(TimerWords.All);
        return Any(TimerWords.Status) || (tokens.Contains("how") && (tokens.Contains("long") || tokens.Contains("much"))) ? TimerIntents.Status
            : Any(TimerWords.Unpause) ? TimerIntents.Unpause
            : Any(TimerWords.Pause) ? TimerIntents.Pause
            : Any(TimerWords.Increase) && spans.Count > 0 ? TimerIntents.Increase
            : Any(TimerWords.Decrease) && spans.Count > 0 && !tokens.Contains("stop") ? TimerIntents.Decrease
            : Any(TimerWords.Cancel) ? hasAll ? TimerIntents.CancelAll : TimerIntents.Cancel
            : spans.Count > 0 ? TimerIntents.Start
            : null;
    }

    /// <summary>Index of the span that is a change's amount: after "by", else right after an amount verb, else the only one.</summary>
    private static int AmountSpan(List<string> tokens, List<DurationSpan> spans, string intent)
    {
        if (intent is not (TimerIntents.Increase or TimerIntents.Decrease))
        {
            return -1;
        }

        var byIndex = spans.FindIndex(s => s.Start > 0 && tokens[s.Start - 1] == "by");
        if (byIndex >= 0)
        {
            return byIndex;
        }

        var afterVerb = spans.FindIndex(s => s.Start > 0 && (TimerWords.AmountVerbs.Contains(tokens[s.Start - 1])
            || (s.Start > 1 && TimerWords.AmountVerbs.Contains(tokens[s.Start - 2]))));
        return afterVerb >= 0 ? afterVerb : 0;
    }

    /// <summary>An area of the home named in the sentence, and the first run of words that are not grammar (or follow "named").</summary>
    private static (string? Name, string? AreaId) NameAndArea(List<string> tokens, List<DurationSpan> spans, HomeSnapshot home)
    {
        var vocabulary = HomeVocabulary.For(home);
        string? areaId = null;
        var name = new List<string>();
        var nameDone = false;
        var naming = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (spans.Find(s => s.Start == i) is { } span)
            {
                nameDone |= name.Count > 0;
                i += span.Length - 1;
                continue;
            }

            IReadOnlyList<NameRef> names = [];
            var length = areaId is null && !naming ? vocabulary.Trie.LongestMatch(tokens, i, out names) : 0;
            if (length > 0 && names.FirstOrDefault(n => n.Kind == NameKind.Area) is { Kind: NameKind.Area } area)
            {
                areaId = area.Id;
                nameDone |= name.Count > 0;
                i += length - 1;
                continue;
            }

            var token = tokens[i];
            if (TimerWords.Naming.Contains(token))
            {
                naming = !nameDone && name.Count == 0;
            }
            else if (!nameDone && (naming ? !TimerWords.EndsName(token) : !TimerWords.IsGrammar(token)))
            {
                name.Add(token);
            }
            else
            {
                nameDone |= name.Count > 0;
                naming = false;
            }
        }

        return (name.Count > 0 ? string.Join(' ', name) : null, areaId);
    }

    /// <summary>"open the garage door in 5 minutes": a home command (starts with a verb) followed by "in"/"after" a duration.</summary>
    private static TimerSentence? DelayedCommand(List<string> tokens, List<DurationSpan> spans)
    {
        if (spans.Count != 1 || spans[0].Start + spans[0].Length != tokens.Count || spans[0].Start < 2
            || tokens[spans[0].Start - 1] is not ("in" or "after"))
        {
            return null;
        }

        var start = tokens[0] is "please" or "jarvis" ? 1 : 0;
        if (Lexicon.Trie.LongestMatch(tokens, start, out var words) == 0 || !words.Any(w => w.Kind == WordKind.Verb))
        {
            return null;
        }

        var command = string.Join(' ', tokens.Skip(start).Take(spans[0].Start - 1 - start));
        return command.Length == 0 ? null : new TimerSentence(TimerIntents.Start) { Duration = spans[0].Duration, Command = command };
    }

    /// <summary>"how much time is left", "how long is left": the timers' status without the word timer.</summary>
    private static TimerSentence? TimeLeftQuestion(List<string> tokens) =>
        tokens.Contains("how") && (tokens.Contains("left") || tokens.Contains("remaining")) && tokens.Count <= 7
            ? new TimerSentence(TimerIntents.Status)
            : null;

    private static List<DurationSpan> Durations(List<string> tokens)
    {
        var spans = new List<DurationSpan>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var length = DurationReader.TryRead(tokens, i, out var duration);
            if (length > 0)
            {
                spans.Add(new DurationSpan(i, length, duration));
                i += length - 1;
            }
        }

        return spans;
    }

    [GeneratedRegex(@"(?<![\d/])(?:1\s*/\s*2|½)(?![\d/])")]
    private static partial Regex HalfFraction();

    private sealed record DurationSpan(int Start, int Length, SpokenDuration Duration);
}
