namespace Jarvis.Server.Tests.Emulators;

/// <summary>
/// Locates the shared corpora: <c>JARVIS_SHARED</c> if set, else walk up from the test binaries to the folder holding
/// <c>Jarvis.sln</c> and use <c>../shared</c> beside it (how CI lays the repository out), or the
/// nearest ancestor's <c>shared</c> folder (git worktrees).
/// </summary>
public static class SharedCorpus
{
    public static string Path(params string[] parts)
    {
        var shared = Environment.GetEnvironmentVariable("JARVIS_SHARED");
        if (string.IsNullOrEmpty(shared))
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Jarvis.sln")))
            {
                dir = dir.Parent;
            }

            if (dir?.Parent is null)
            {
                throw new DirectoryNotFoundException("Jarvis.sln not found above " + AppContext.BaseDirectory + "; set JARVIS_SHARED");
            }

            // ../shared beside the repository (CI); worktrees nest deeper, so keep looking further up.
            shared = System.IO.Path.Combine(dir.Parent.FullName, "shared");
            for (var up = dir.Parent; up is not null; up = up.Parent)
            {
                var candidate = System.IO.Path.Combine(up.FullName, "shared");
                if (Directory.Exists(System.IO.Path.Combine(candidate, "corpora")))
                {
                    shared = candidate;
                    break;
                }
            }
        }

        return System.IO.Path.Combine([shared, .. parts]);
    }
}
