using Microsoft.Extensions.Logging;

namespace Jarvis.Satellite.Button;

/// <summary>Keeps the mute state in a one-word file so that it survives restarts ("muted" / "unmuted").</summary>
public sealed partial class MuteStateStore(string path, ILogger<MuteStateStore> logger)
{
    public string Path { get; } = path;

    public bool Load()
    {
        try
        {
            return File.Exists(Path) && File.ReadAllText(Path).Trim() == "muted";
        }
        catch (IOException e)
        {
            LogReadFailed(e, Path);
            return false;
        }
        catch (UnauthorizedAccessException e)
        {
            LogReadFailed(e, Path);
            return false;
        }
    }

    /// <summary>Writes atomically (temp file + rename); failures are logged, the mute itself still applies.</summary>
    public void Save(bool muted)
    {
        try
        {
            var directory = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            var temp = Path + ".tmp";
            File.WriteAllText(temp, muted ? "muted\n" : "unmuted\n");
            File.Move(temp, Path, overwrite: true);
        }
        catch (IOException e)
        {
            LogWriteFailed(e, Path);
        }
        catch (UnauthorizedAccessException e)
        {
            LogWriteFailed(e, Path);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the mute state from {Path}; starting unmuted")]
    private partial void LogReadFailed(Exception e, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not save the mute state to {Path} (check StateDirectory permissions)")]
    private partial void LogWriteFailed(Exception e, string path);
}
