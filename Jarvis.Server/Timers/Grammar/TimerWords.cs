namespace Jarvis.Server.Timers.Grammar;

/// <summary>The fixed words of the timer grammar: what each verb means, and the words that are never part of a timer's name.</summary>
internal static class TimerWords
{
    public static readonly HashSet<string> Timer = Set("timer", "timers", "countdown", "countdowns");

    public static readonly HashSet<string> Status = Set("status", "left", "remaining", "remain", "check");

    public static readonly HashSet<string> Pause = Set("pause", "hold", "freeze", "suspend");

    public static readonly HashSet<string> Unpause = Set("resume", "continue", "unpause", "unfreeze", "restart");

    public static readonly HashSet<string> Increase = Set("add", "increase", "extend", "lengthen", "more", "plus");

    public static readonly HashSet<string> Decrease = Set("remove", "take", "subtract", "decrease", "reduce", "shorten", "less", "minus");

    public static readonly HashSet<string> Cancel = Set("cancel", "stop", "delete", "remove", "end", "kill", "clear", "dismiss", "abort", "off");

    public static readonly HashSet<string> Start = Set("set", "start", "create", "make", "begin", "new", "setup", "put");

    public static readonly HashSet<string> All = Set("all", "every", "each", "both");

    /// <summary>Verbs after which a duration is the amount of a change ("add 5 minutes", "take 5 minutes off").</summary>
    public static readonly HashSet<string> AmountVerbs = Set("add", "remove", "take", "subtract", "put", "another", "extra", "more");

    /// <summary>Words that introduce a timer's name ("named pizza", "called pizza").</summary>
    public static readonly HashSet<string> Naming = Set("named", "called", "labelled", "labeled", "name");

    private static readonly HashSet<string> Function = Set(
        "a", "an", "the", "my", "our", "your", "this", "that", "these", "those", "for", "of", "on", "in", "to", "from", "by", "off",
        "and", "with", "at", "please", "jarvis", "hey", "ok", "okay", "can", "could", "would", "will", "you", "i", "we", "want",
        "need", "like", "me", "us", "is", "are", "was", "there", "it", "its", "how", "much", "long", "time", "what", "whats",
        "tell", "give", "up", "out", "any", "running", "current", "currently", "active", "one", "ones", "just", "now", "some",
        "up", "go", "going", "get", "let", "know", "does", "do", "have", "has", "still", "another", "extra", "again", "about");

    /// <summary>True when <paramref name="token"/> ends a name that followed "named"/"called".</summary>
    public static bool EndsName(string token) => token is "for" or "in" or "on" or "and" or "with" or "please" || Timer.Contains(token);

    /// <summary>True when <paramref name="token"/> is grammar, never a name.</summary>
    public static bool IsGrammar(string token) =>
        Function.Contains(token) || Timer.Contains(token) || Status.Contains(token) || Pause.Contains(token) || Unpause.Contains(token)
        || Increase.Contains(token) || Decrease.Contains(token) || Cancel.Contains(token) || Start.Contains(token) || All.Contains(token)
        || Naming.Contains(token);

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.Ordinal);
}
