using Jarvis.Protocol.Link.Messages;
using Microsoft.Extensions.Logging;

namespace Jarvis.Satellite.Button;

/// <summary>
/// Keeps the mute state in a one-line file so that it survives restarts: <c>unmuted</c>, or <c>muted button</c> /
/// <c>muted server</c> / <c>muted mqtt</c> (a plain <c>muted</c> from older versions reads as a button mute).
/// A file that exists but cannot be read or understood is reported as null: the caller fails closed.
/// </summary>
public sealed partial class MuteStateStore(string path, ILogger<MuteStateStore> logger)
{
    public string Path { get; } = path;

    /// <summary>The saved state; <see cref="MuteState.Unmuted"/> when nothing was ever saved; null when it cannot be read.</summary>
    public MuteState? Load()
    {
        try
        {
            if (!File.Exists(Path))
            {
                return MuteState.Unmuted;
            }

            var text = File.ReadAllText(Path).Trim();
            MuteState? state = text switch
            {
                "unmuted" => MuteState.Unmuted,
                "muted" or "muted button" => new MuteState(true, MuteSource.Button),
                "muted server" => new MuteState(true, MuteSource.Server),
                "muted mqtt" => new MuteState(true, MuteSource.Mqtt),
                _ => null,
            };
            if (state is null)
            {
                LogUnreadable(Path, text.Length > 40 ? text[..40] : text);
            }

            return state;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogReadFailed(e, Path);
            return null;
        }
    }

    /// <summary>Writes atomically (temp file + rename); false (logged) when it cannot.</summary>
    public bool Save(MuteState state)
    {
        try
        {
            var directory = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            var temp = Path + ".tmp";
            File.WriteAllText(temp, state.Muted ? $"muted {state.Source.ToString().ToLowerInvariant()}\n" : "unmuted\n");
            File.Move(temp, Path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(e, Path);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not read the mute state from {Path}: starting muted (press the button to unmute; fix the file's permissions or remove it)")]
    private partial void LogReadFailed(Exception e, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "The mute state file {Path} holds '{Content}', not a mute state: starting muted (press the button to unmute)")]
    private partial void LogUnreadable(string path, string content);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not save the mute state to {Path}: the satellite stays muted after a restart until it can (check the permissions of Satellite:StateDirectory)")]
    private partial void LogWriteFailed(Exception e, string path);
}
