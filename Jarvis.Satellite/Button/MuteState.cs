using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Satellite.Button;

/// <summary>The persisted mute state: muted or not, and who muted it (a button mute is a privacy mute).</summary>
public readonly record struct MuteState(bool Muted, MuteSource Source)
{
    public static readonly MuteState Unmuted = new(false, MuteSource.Startup);

    /// <summary>What the satellite assumes when it cannot read or write its state: muted, as if by the button.</summary>
    public static readonly MuteState FailClosed = new(true, MuteSource.Button);
}
