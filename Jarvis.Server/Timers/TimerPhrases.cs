using System.Globalization;
using Jarvis.Server.Timers.Grammar;

namespace Jarvis.Server.Timers;

/// <summary>Durations in spoken answers, in the wording of Home Assistant's timer responses.</summary>
public static class TimerPhrases
{
    /// <summary>"1 hour, 15 minutes and 30 seconds" (units as said).</summary>
    public static string Spoken(SpokenDuration duration) => Join(Parts(duration.Hours, duration.Minutes, duration.Seconds));

    /// <summary>A length normalised into hours, minutes and seconds.</summary>
    public static string Spoken(TimeSpan length) =>
        Join(Parts((int)length.TotalHours, length.Minutes, length.Seconds)) is { Length: > 0 } text ? text : "0 seconds";

    /// <summary>Time left, rounded like a person says it: seconds under a minute, minutes and seconds under two, then minutes.</summary>
    public static string Left(TimeSpan left)
    {
        var seconds = (int)Math.Ceiling(left.TotalSeconds);
        return seconds < 120 ? Spoken(TimeSpan.FromSeconds(seconds)) : Spoken(TimeSpan.FromMinutes(seconds / 60));
    }

    /// <summary>"5 minute", "1 hour 30 minute" (as in "the 5 minute timer").</summary>
    public static string Compact(TimeSpan length)
    {
        var parts = new List<string>(3);
        if ((int)length.TotalHours > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{(int)length.TotalHours} hour"));
        }

        if (length.Minutes > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{length.Minutes} minute"));
        }

        if (length.Seconds > 0 || parts.Count == 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{length.Seconds} second"));
        }

        return string.Join(' ', parts);
    }

    /// <summary>"1 timer", "3 timers".</summary>
    public static string Count(int count, string noun) => string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");

    private static List<string> Parts(int hours, int minutes, int seconds)
    {
        var parts = new List<string>(3);
        if (hours > 0)
        {
            parts.Add(Count(hours, "hour"));
        }

        if (minutes > 0)
        {
            parts.Add(Count(minutes, "minute"));
        }

        if (seconds > 0)
        {
            parts.Add(Count(seconds, "second"));
        }

        return parts;
    }

    private static string Join(List<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => $"{string.Join(", ", parts.Take(parts.Count - 1))} and {parts[^1]}",
    };
}
