namespace Jarvis.Server.State;

/// <summary>The platform's usual place for a service's private state, when <c>State:Directory</c> is not set.</summary>
public static class StateDirectoryDefaults
{
    /// <param name="environment">Reads an environment variable (tests pass their own).</param>
    /// <param name="isRoot">Whether the process runs as root (a system service).</param>
    public static string Resolve(Func<string, string?> environment, bool isRoot)
    {
        var home = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsMacOS())
        {
            return Path.Combine(home, "Library", "Application Support", "Jarvis");
        }

        // systemd sets STATE_DIRECTORY for a unit with StateDirectory=jarvis (possibly a list separated by ':').
        if (environment("STATE_DIRECTORY") is { Length: > 0 } systemd)
        {
            return systemd.Split(':')[0];
        }

        if (isRoot)
        {
            return "/var/lib/jarvis";
        }

        return environment("XDG_STATE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg)
            ? Path.Combine(xdg, "jarvis")
            : Path.Combine(home, ".local", "state", "jarvis");
    }

    public static string Resolve() => Resolve(Environment.GetEnvironmentVariable, IsRoot());

    private static bool IsRoot() => !OperatingSystem.IsWindows() && Environment.UserName == "root";
}
