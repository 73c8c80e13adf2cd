namespace Jarvis.Server.Hosting.Configuration;

/// <summary>The configuration cannot even be read (a named file is missing, the JSON is broken): the server cannot start.</summary>
public sealed class ConfigurationProblemsException : Exception
{
    public ConfigurationProblemsException(string? file, IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        File = file;
        Problems = problems;
    }

    public ConfigurationProblemsException()
        : this(null, [])
    {
    }

    public ConfigurationProblemsException(string message)
        : this(null, [message])
    {
    }

    public ConfigurationProblemsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>The configuration file concerned, when there is one.</summary>
    public string? File { get; }

    /// <summary>One sentence per problem, each saying what to fix.</summary>
    public IReadOnlyList<string> Problems { get; }
}
