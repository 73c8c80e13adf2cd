using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Server.Satellites;

/// <summary>Log messages of the satellite link.</summary>
internal static partial class SatelliteLinkLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Satellite {Satellite} connected from {Remote} for room {Room}")]
    public static partial void Connected(ILogger logger, string satellite, string remote, string room);

    [LoggerMessage(Level = LogLevel.Information, Message = "Satellite {Satellite} ({Room}) disconnected: {Reason}")]
    public static partial void Disconnected(ILogger logger, string satellite, string room, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected satellite {Satellite} from {Remote}: {Reason}")]
    public static partial void Rejected(ILogger logger, string satellite, string remote, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing link from {Remote}: {Code} {Reason}")]
    public static partial void Closing(ILogger logger, string remote, int code, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Link from {Remote} dropped: {Error}")]
    public static partial void Dropped(ILogger logger, string remote, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Satellite {Satellite} reports error {Code}: {Message}")]
    public static partial void SatelliteError(ILogger logger, string satellite, string code, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Satellite {Satellite} says room {Announced} but is configured for {Room}; using {Room}")]
    public static partial void RoomOverridden(ILogger logger, string satellite, string announced, string room);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Playback in {Room} is late: the satellite's jitter buffer holds {DepthMs:0} ms against a target of {TargetMs:0} ms (audio reaches the user that much later)")]
    public static partial void PlaybackLate(ILogger logger, string room, double depthMs, double targetMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Playback in {Room} caught up ({DepthMs:0} ms buffered)")]
    public static partial void PlaybackCaughtUp(ILogger logger, string room, double depthMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a browser link from origin {Origin}: only pages of this server may connect (add the origin to Satellites:AllowedOrigins to allow it)")]
    public static partial void ForeignOrigin(ILogger logger, string origin);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Voice {State} in {Room}: satellite clock {SatelliteUs} µs, received at {ReceivedUs} µs (monotonic)")]
    public static partial void VoiceReceived(ILogger logger, VoiceActivityState state, string room, long satelliteUs, long receivedUs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Playback flush ({Reason}) queued for the link at {AtUs} µs (monotonic)")]
    public static partial void FlushQueued(ILogger logger, FlushReason reason, long atUs);
}
