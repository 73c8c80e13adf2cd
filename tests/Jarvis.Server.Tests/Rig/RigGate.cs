namespace Jarvis.Server.Tests.Rig;

/// <summary>
/// The rig's scenario tests run the real server and satellite programs at real time (docs/realtime-rig.md). A short set
/// runs in every test run (CI) and states the acceptance generously, for a loaded machine; the whole set, with the strict
/// numbers of issue 10, runs when <c>JARVIS_RIG=1</c>.
/// </summary>
internal static class RigGate
{
    public const string Variable = "JARVIS_RIG";

    /// <summary>The whole set, with the strict acceptance numbers.</summary>
    public static bool Enabled => Environment.GetEnvironmentVariable(Variable) == "1";

    /// <summary>Skips a scenario of the long set unless the rig is enabled.</summary>
    public static void SkipUnlessEnabled() =>
        Skip.IfNot(Enabled, $"real-time rig scenario of the long set: set {Variable}=1 to run it (docs/realtime-rig.md)");

    /// <summary>Skips unless the rig is enabled or <paramref name="shortSet"/> (a scenario CI runs).</summary>
    public static void SkipUnlessEnabledOr(bool shortSet)
    {
        if (!shortSet)
        {
            SkipUnlessEnabled();
        }
    }

    /// <summary><paramref name="strict"/> with the rig enabled (a quiet machine, issue 10's numbers), else <paramref name="loaded"/>.</summary>
    public static T Choose<T>(T strict, T loaded) => Enabled ? strict : loaded;
}
