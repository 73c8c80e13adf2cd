using Jarvis.Protocol.Link.Messages;
using Jarvis.Satellite.Button;
using Jarvis.Satellite.Hosting;
using Jarvis.Satellite.Playback;
using Jarvis.Satellite.Uplink;
using Microsoft.Extensions.Logging;

namespace Jarvis.Satellite.Link;

/// <summary>Applies the server's control messages to the satellite (one connection, receive loop only).</summary>
internal sealed partial class LinkControlHandler(
    SatelliteStatus status, MuteController mute, JitterBuffer jitter, PlaybackVolume volume, LinkOutbox outbox,
    MonotonicClock clock, Protocol.Link.ClockSync clockSync, ILogger logger)
{
    public void Handle(LinkMessage message)
    {
        switch (message)
        {
            case MuteMessage m:
                if (!mute.Set(m.Muted, MuteSource.Server))
                {
                    // Refused (a privacy mute): tell the server what the microphone really is, and why (source: button).
                    outbox.PostControl(mute.Report());
                }

                break;
            case LedMessage m:
                status.SetServerLed(m.State);
                break;
            case ConversationMessage m:
                LogConversation(m.Active, m.ConversationId);
                status.SetConversationActive(m.Active);
                break;
            case FlushMessage m:
                jitter.Flush();
                LogFlush(m.Reason, clock.NowUs);
                break;
            case StreamMessage m:
                jitter.SetStreamKind(m.Kind);
                LogStream(m.Kind);
                break;
            case VolumeMessage m:
                volume.Level = m.Level;
                break;
            case PingMessage m:
                var t1 = clock.NowUs;
                outbox.PostControl(new PongMessage(m.T0, t1, clock.NowUs));
                break;
            case PongMessage m:
                clockSync.Add(m.T0, m.T1, m.T2, clock.NowUs);
                break;
            case ErrorMessage m:
                LogServerError(m.Code, m.Message);
                break;
            default:
                LogUnexpected(message.GetType().Name);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation active: {Active} ({ConversationId})")]
    private partial void LogConversation(bool active, string? conversationId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Playback flushed ({Reason}) at {AtUs} µs (monotonic)")]
    private partial void LogFlush(FlushReason reason, long atUs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Playback stream: {Kind}")]
    private partial void LogStream(StreamKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Server reports {Code}: {Message}")]
    private partial void LogServerError(string code, string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignoring {Type} after the handshake")]
    private partial void LogUnexpected(string type);
}
