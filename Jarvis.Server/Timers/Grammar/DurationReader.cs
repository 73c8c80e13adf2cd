using Jarvis.Server.HomeAssistant.Intents;

namespace Jarvis.Server.Timers.Grammar;

/// <summary>
/// Reads a spoken duration at a token position: parts of "NUMBER [and a half] UNIT", "half a UNIT", "a UNIT [and a half]",
/// joined by "and" or nothing ("1 hour 15 minute and 30 second", "an hour and a half", "half a minute").
/// </summary>
public static class DurationReader
{
    private enum Unit
    {
        None,
        Hour,
        Minute,
        Second,
    }

    /// <summary>Number of tokens consumed (0 when no duration starts at <paramref name="start"/>).</summary>
    public static int TryRead(IReadOnlyList<string> tokens, int start, out SpokenDuration duration)
    {
        duration = new SpokenDuration(0, 0, 0);
        var i = start;
        var parts = 0;
        while (i < tokens.Count)
        {
            var next = i;
            if (parts > 0 && At(tokens, next, "and"))
            {
                next++;
            }

            var length = TryReadPart(tokens, next, out var part);
            if (length == 0)
            {
                break;
            }

            duration = duration.Plus(part);
            i = next + length;
            parts++;
        }

        return parts == 0 ? 0 : i - start;
    }

    private static int TryReadPart(IReadOnlyList<string> tokens, int start, out SpokenDuration part)
    {
        part = new SpokenDuration(0, 0, 0);
        var i = start;
        if (At(tokens, i, "half") && (At(tokens, i + 1, "a") || At(tokens, i + 1, "an")) && UnitAt(tokens, i + 2) is var halfUnit and not Unit.None)
        {
            part = Half(halfUnit);
            return 3;
        }

        var count = 0.0;
        var numberLength = i < tokens.Count ? NumberWords.TryRead(tokens, i, out count) : 0;
        if (numberLength == 0 && (At(tokens, i, "a") || At(tokens, i, "an")))
        {
            (numberLength, count) = (1, 1);
        }

        if (numberLength == 0)
        {
            return 0;
        }

        i += numberLength;
        if (At(tokens, i, "more") || At(tokens, i, "extra") || At(tokens, i, "additional"))
        {
            i++;
        }

        var half = false;
        if (At(tokens, i, "and") && At(tokens, i + 1, "a") && At(tokens, i + 2, "half"))
        {
            half = true;
            i += 3;
        }

        var unit = UnitAt(tokens, i);
        if (unit == Unit.None || count < 0 || count != Math.Floor(count) || count > 10_000)
        {
            return 0;
        }

        i++;
        if (!half && At(tokens, i, "and") && At(tokens, i + 1, "a") && At(tokens, i + 2, "half"))
        {
            half = true;
            i += 3;
        }

        part = Whole(unit, (int)count);
        if (half)
        {
            part = part.Plus(Half(unit));
        }

        return i - start;
    }

    private static SpokenDuration Whole(Unit unit, int count) => unit switch
    {
        Unit.Hour => new SpokenDuration(count, 0, 0),
        Unit.Minute => new SpokenDuration(0, count, 0),
        _ => new SpokenDuration(0, 0, count),
    };

    private static SpokenDuration Half(Unit unit) => unit switch
    {
        Unit.Hour => new SpokenDuration(0, 30, 0),
        Unit.Minute => new SpokenDuration(0, 0, 30),
        _ => new SpokenDuration(0, 0, 0),
    };

    private static Unit UnitAt(IReadOnlyList<string> tokens, int i) => i < tokens.Count ? tokens[i] switch
    {
        "hour" or "hours" or "hr" or "hrs" => Unit.Hour,
        "minute" or "minutes" or "min" or "mins" => Unit.Minute,
        "second" or "seconds" or "sec" or "secs" => Unit.Second,
        _ => Unit.None,
    } : Unit.None;

    private static bool At(IReadOnlyList<string> tokens, int i, string word) => i < tokens.Count && tokens[i] == word;
}
