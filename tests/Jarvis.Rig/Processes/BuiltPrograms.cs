namespace Jarvis.Rig.Processes;

/// <summary>The JIT builds of the server and the satellite in their own output folders (same configuration as this assembly).</summary>
public static class BuiltPrograms
{
    /// <summary><c>JARVIS_SATELLITE_EXE</c> (e.g. a Native AOT publish) or the satellite's JIT build.</summary>
    public static string Satellite =>
        Environment.GetEnvironmentVariable("JARVIS_SATELLITE_EXE") is { Length: > 0 } exe ? exe : Find("Jarvis.Satellite", "jarvis-satellite.dll");

    public static string Server => Find("Jarvis.Server", "Jarvis.Server.dll");

    private static string Find(string project, string file)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent?.Name ?? "Debug";
        for (var dir = output; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, project, project + ".csproj")))
            {
                var path = Path.Combine(dir.FullName, project, "bin", configuration, output.Name, file);
                return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built: dotnet build Jarvis.sln", path);
            }
        }

        throw new InvalidOperationException($"{project} not found above {output}");
    }
}
