using System.Text;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.State;

/// <summary>
/// The one directory the server writes its state to (API token, MQTT credentials, ratings): created with mode 0700,
/// every file created with mode 0600 (secrets written atomically). Files are named by the features that own them.
/// A directory that exists with wider permissions is tightened, and the log says so.
/// </summary>
public sealed partial class StateDirectory
{
    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode PrivateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly ILogger<StateDirectory> _logger;
    private readonly Lock _gate = new();
    private bool _ready;

    public StateDirectory(IOptions<StateOptions> options, ILogger<StateDirectory> logger)
    {
        _logger = logger;
        Path = System.IO.Path.GetFullPath(options.Value.Directory is { Length: > 0 } configured ? configured : StateDirectoryDefaults.Resolve());
    }

    /// <summary>The absolute path of the directory.</summary>
    public string Path { get; }

    /// <summary>The path of a state file (a plain name; relative paths such as <c>sub/x</c> are kept under the directory).</summary>
    public string FileOf(string name)
    {
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, name));
        if (!full.StartsWith(Path + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"State file '{name}' is outside the state directory {Path}.", nameof(name));
        }

        return full;
    }

    /// <summary>Creates the directory (0700) if needed and tightens its mode; idempotent.</summary>
    public void EnsureCreated()
    {
        lock (_gate)
        {
            if (_ready)
            {
                return;
            }

            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(Path);
            }
            else if (!Directory.Exists(Path))
            {
                Directory.CreateDirectory(Path, DirectoryMode);
                LogCreated(Path);
            }
            else if ((File.GetUnixFileMode(Path) & UnixFileMode.OtherWrite) != 0)
            {
                throw new InvalidOperationException($"State:Directory {Path} is writable by every user (like /tmp): choose a private directory for the server's state, or leave State:Directory empty for the default.");
            }
            else if ((File.GetUnixFileMode(Path) & ~DirectoryMode) != 0)
            {
                File.SetUnixFileMode(Path, DirectoryMode);
                LogTightened(Path);
            }

            _ready = true;
        }
    }

    /// <summary>A subdirectory for a feature's files, created 0700; returns its path.</summary>
    public string EnsureCreatedDirectory(string name)
    {
        EnsureCreated();
        var path = FileOf(name);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, DirectoryMode);
        }

        return path;
    }

    /// <summary>The file's text, or null when it does not exist.</summary>
    public string? ReadText(string name)
    {
        var path = FileOf(name);
        return File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : null;
    }

    /// <summary>Replaces the file atomically (a 0600 temporary file renamed over it).</summary>
    public void WriteText(string name, string content)
    {
        EnsureCreated();
        var path = FileOf(name);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        using (var stream = new FileStream(temp, CreateOptions(FileMode.CreateNew)))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            writer.Write(content);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Appends one line (the file is created 0600 when new).</summary>
    public async Task AppendLineAsync(string path, string line, CancellationToken cancellationToken)
    {
        EnsureCreated();
        var directory = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var stream = new FileStream(path, CreateOptions(FileMode.Append));
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The secret kept in <paramref name="name"/>, created with <paramref name="create"/> on first use;
    /// <paramref name="created"/> tells whether it was made now (then the caller shows it once).
    /// </summary>
    public string GetOrCreateSecret(string name, Func<string> create, out bool created)
    {
        lock (_gate)
        {
            if (ReadText(name)?.Trim() is { Length: > 0 } existing)
            {
                created = false;
                return existing;
            }

            var secret = create();
            WriteText(name, secret + "\n");
            LogSecretCreated(name, Path);
            created = true;
            return secret;
        }
    }

    private static FileStreamOptions CreateOptions(FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFileMode;
        }

        return options;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the state directory {Path} (mode 0700)")]
    private partial void LogCreated(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The state directory {Path} was readable by other users: its mode is now 0700")]
    private partial void LogTightened(string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated {Name} in {Path} (mode 0600)")]
    private partial void LogSecretCreated(string name, string path);
}
