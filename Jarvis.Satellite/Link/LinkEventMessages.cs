using Jarvis.Protocol.Link.Messages;
using Jarvis.Satellite.Uplink;

namespace Jarvis.Satellite.Link;

/// <summary>Maps local <see cref="SatelliteEvent"/>s onto link control messages.</summary>
internal static class LinkEventMessages
{
    public static LinkMessage ToMessage(SatelliteEvent e) => e.Kind switch
    {
        SatelliteEventKind.VoiceStarted => new VoiceActivityMessage(VoiceActivityState.Start, Math.Clamp(e.Score, 0, 1), e.TimestampUs, Level(e)),
        SatelliteEventKind.VoiceStopped => new VoiceActivityMessage(VoiceActivityState.Stop, Math.Clamp(e.Score, 0, 1), e.TimestampUs, Level(e)),
        SatelliteEventKind.VoiceLevel => new VoiceLevelMessage(Level(e) ?? LinkLevelFloor, e.TimestampUs),
        SatelliteEventKind.MuteChanged => new MuteMessage(e.Muted, e.Source),
        SatelliteEventKind.ShortPress => new ButtonMessage(ButtonPress.Short, e.TimestampUs),
        _ => new ButtonMessage(ButtonPress.Long, e.TimestampUs),
    };

    /// <summary>The lowest level the link carries.</summary>
    private const double LinkLevelFloor = -200;

    private static double? Level(SatelliteEvent e) =>
        e.LevelDbfs is { } level && !double.IsNaN(level) ? Math.Clamp(level, LinkLevelFloor, 0) : null;
}
