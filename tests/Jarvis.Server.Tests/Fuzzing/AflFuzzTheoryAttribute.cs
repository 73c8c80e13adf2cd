namespace Jarvis.Server.Tests.Fuzzing;

/// <summary>A theory that reports itself skipped, saying why, on a machine without afl-fuzz (CI installs afl++).</summary>
public sealed class AflFuzzTheoryAttribute : TheoryAttribute
{
    public AflFuzzTheoryAttribute()
    {
        if (!IsInstalled())
        {
            Skip = "afl-fuzz is not installed (apt-get install afl++): the short fuzz runs are skipped";
        }
    }

    private static bool IsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, "afl-fuzz")));
}
