namespace Jarvis.Server.Hosting.Configuration;

/// <summary>
/// Where <see cref="ConfigFileLocator"/> looks, after <c>--config</c> and <c>JARVIS_CONFIG</c>: the working directory of
/// the user's shell, the user's configuration directory, the system's. Tests pass their own.
/// </summary>
public sealed record ConfigSearchPaths(string WorkingDirectory, string? UserDirectory, string? SystemDirectory, string? ConfigVariable)
{
    /// <summary>This machine's: <c>$PWD</c> (what <c>dotnet run --project</c> leaves when it moves into the project),
    /// <c>~/.config/jarvis</c> (<c>$XDG_CONFIG_HOME</c>) or <c>~/Library/Application Support/Jarvis</c>, <c>/etc/jarvis</c>.</summary>
    public static ConfigSearchPaths FromEnvironment() => new(
        ShellDirectory(),
        UserConfigDirectory(),
        OperatingSystem.IsWindows() ? null : "/etc/jarvis",
        Environment.GetEnvironmentVariable(ConfigFileLocator.PathVariable));

    /// <summary>The directory the user ran the command in (<c>$PWD</c> when it exists, else the process's).</summary>
    public static string ShellDirectory() =>
        Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } shell && Directory.Exists(shell) ? shell : Environment.CurrentDirectory;

    private static string? UserConfigDirectory()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsMacOS())
        {
            return string.IsNullOrEmpty(home) ? null : Path.Combine(home, "Library", "Application Support", "Jarvis");
        }

        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "Jarvis");
        }

        if (Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "jarvis");
        }

        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".config", "jarvis");
    }
}
