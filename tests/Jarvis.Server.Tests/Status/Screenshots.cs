namespace Jarvis.Server.Tests.Status;

/// <summary>
/// Where the browser tests save their screenshots: the documentation's folder (<c>docs/&lt;folder&gt;</c>) when
/// <c>JARVIS_UPDATE_SCREENSHOTS=1</c>, otherwise a temporary folder, so that a test run (CI included) leaves the
/// checkout as it was.
/// </summary>
internal static class Screenshots
{
    public const string UpdateVariable = "JARVIS_UPDATE_SCREENSHOTS";

    public static string Directory(string folder)
    {
        var root = Environment.GetEnvironmentVariable(UpdateVariable) == "1"
            ? Path.Combine(RepositoryRoot(), "docs")
            : Path.Combine(Path.GetTempPath(), "jarvis-screenshots");
        var directory = Path.Combine(root, folder);
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Jarvis.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Jarvis.sln not found above " + AppContext.BaseDirectory);
    }
}
