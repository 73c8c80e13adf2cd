namespace Jarvis.Server.Hosting.Configuration;

/// <summary>
/// The one search order for <c>jarvis.json</c> (docs/configuration.md): <c>--config FILE</c>, then <c>JARVIS_CONFIG</c>,
/// then the working directory, the user's configuration directory and <c>/etc/jarvis</c>. The first file found wins; a
/// file named explicitly (option or variable) must exist.
/// </summary>
public static class ConfigFileLocator
{
    public const string FileName = "jarvis.json";
    public const string PathVariable = "JARVIS_CONFIG";
    public const string Option = "--config";
    public const string Documentation = "docs/configuration.md";

    /// <exception cref="ConfigurationProblemsException">A file named by <c>--config</c> or <c>JARVIS_CONFIG</c> does not exist.</exception>
    public static ConfigFileLocation Locate(IReadOnlyList<string> args, ConfigSearchPaths paths)
    {
        if (OptionValue(args) is { } fromOption)
        {
            return Explicit(fromOption, Option, paths, $"remove {Option} to use the search order");
        }

        if (paths.ConfigVariable is { Length: > 0 } fromVariable)
        {
            return Explicit(fromVariable, PathVariable, paths, $"unset {PathVariable} to use the search order");
        }

        var candidates = new List<(string Directory, string Origin)> { (paths.WorkingDirectory, "working directory") };
        if (paths.UserDirectory is { } user)
        {
            candidates.Add((user, "user configuration directory"));
        }

        if (paths.SystemDirectory is { } system)
        {
            candidates.Add((system, "system configuration directory"));
        }

        var searched = candidates.Select(c => Path.Combine(c.Directory, FileName)).ToArray();
        foreach (var (directory, origin) in candidates)
        {
            var path = Path.GetFullPath(Path.Combine(directory, FileName));
            if (File.Exists(path))
            {
                return new ConfigFileLocation(path, origin, searched);
            }
        }

        return new ConfigFileLocation(null, "defaults", searched);
    }

    /// <summary>The value of <c>--config FILE</c> or <c>--config=FILE</c>, or null.</summary>
    public static string? OptionValue(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == Option)
            {
                return i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                    ? args[i + 1]
                    : throw new ConfigurationProblemsException(null, [$"{Option} needs a file name: {Option} /path/to/{FileName}."]);
            }

            if (args[i].StartsWith(Option + "=", StringComparison.Ordinal))
            {
                return args[i][(Option.Length + 1)..];
            }
        }

        return null;
    }

    private static ConfigFileLocation Explicit(string given, string origin, ConfigSearchPaths paths, string alternative)
    {
        var path = Path.GetFullPath(given, paths.WorkingDirectory);
        if (!File.Exists(path))
        {
            throw new ConfigurationProblemsException(path, [
                $"{origin} names {path}, which does not exist: create it (every section and key is in {Documentation}; " +
                $"docs/jarvis.example.json is a start) or {alternative}."]);
        }

        return new ConfigFileLocation(path, origin, [path]);
    }
}
