namespace Jarvis.Server.State;

/// <summary>Where the server keeps what it writes (configuration section <c>State</c>).</summary>
public sealed class StateOptions
{
    public const string Section = "State";

    /// <summary>
    /// The state directory; empty = the platform default (<see cref="StateDirectoryDefaults"/>): macOS
    /// <c>~/Library/Application Support/Jarvis</c>, a Linux system service <c>$STATE_DIRECTORY</c> or <c>/var/lib/jarvis</c>,
    /// a Linux user <c>$XDG_STATE_HOME/jarvis</c> or <c>~/.local/state/jarvis</c>.
    /// </summary>
    public string Directory { get; set; } = "";
}
