namespace Jarvis.Server.Answering;

/// <summary>
/// The words a <see cref="TurnRecord"/> uses. Route (which path answered): home, fast, deep, cached, rating, ignored, none
/// (interrupted or failed before it was decided). Handling (what was done): passed (PersonaPlex answers), home, canned,
/// rating, llm, cached, ignored, none.
/// </summary>
public static class TurnRoutes
{
    public const string None = "none";
    public const string Home = "home";
    public const string Fast = "fast";
    public const string Deep = "deep";
    public const string Cached = "cached";
    public const string Rating = "rating";
    public const string Ignored = "ignored";

    public const string Passed = "passed";
    public const string Canned = "canned";
    public const string Llm = "llm";
}
