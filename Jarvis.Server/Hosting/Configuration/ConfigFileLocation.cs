namespace Jarvis.Server.Hosting.Configuration;

/// <summary>The configuration file in use (null <see cref="Path"/>: none found, defaults) and how it was chosen.</summary>
/// <param name="Path">Full path of the file, or null when no file was found.</param>
/// <param name="Origin">Why this file: <c>--config</c>, <c>JARVIS_CONFIG</c>, <c>working directory</c>, ….</param>
/// <param name="Searched">Every place looked at, in order (for the "no configuration file" message).</param>
public sealed record ConfigFileLocation(string? Path, string Origin, IReadOnlyList<string> Searched)
{
    /// <summary>One line for the log: the file in use and why, or that the defaults apply.</summary>
    public string Describe() => Path is null
        ? $"no configuration file: defaults (looked for {string.Join(", ", Searched)})"
        : $"configuration file {Path} ({Origin})";
}
