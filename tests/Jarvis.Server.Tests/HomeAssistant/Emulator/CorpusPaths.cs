namespace Jarvis.Server.Tests.HomeAssistant.Emulator;

/// <summary>
/// Locates the ha-intents corpus: <c>$JARVIS_SHARED/corpora/ha-intents</c> if set, else <c>../shared/corpora/ha-intents</c>
/// beside the folder that holds <c>Jarvis.sln</c> (found by walking up from the test binaries; the nearest
/// ancestor's <c>shared/</c> when the repository is a nested worktree).
/// </summary>
public static class CorpusPaths
{
    public static string HaIntentsDirectory
    {
        get
        {
            var shared = Environment.GetEnvironmentVariable("JARVIS_SHARED");
            if (!string.IsNullOrEmpty(shared))
            {
                return Path.Combine(shared, "corpora", "ha-intents");
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Jarvis.sln")))
                {
                    // Beside the repository (CI); from a git worktree nested deeper, the nearest ancestor that has it.
                    for (var up = dir.Parent; up is not null; up = up.Parent)
                    {
                        var candidate = Path.Combine(up.FullName, "shared", "corpora", "ha-intents");
                        if (Directory.Exists(candidate))
                        {
                            return candidate;
                        }
                    }

                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpora", "ha-intents"));
                }
            }

            throw new DirectoryNotFoundException($"No Jarvis.sln above {AppContext.BaseDirectory}; set JARVIS_SHARED to the shared/ folder");
        }
    }

    public static string Fixtures => Path.Combine(HaIntentsDirectory, "fixtures.json");

    public static string Dev => Path.Combine(HaIntentsDirectory, "dev.jsonl");

    public static string TimersDev => Path.Combine(HaIntentsDirectory, "timers-dev.jsonl");
}
