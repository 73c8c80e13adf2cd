using System.Net.WebSockets;
using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Server.Satellites;

/// <summary>Accepting (session, welcome) or rejecting (reject, 4004) a satellite's hello.</summary>
internal sealed partial class SatelliteConnection
{
    /// <summary>WebSocket close code 1013 "Try Again Later" (RFC 6455 registry; not in <see cref="WebSocketCloseStatus"/>).</summary>
    private const int TryAgainLater = 1013;

    private SatelliteSession Accept(HelloMessage hello)
    {
        var room = deps.Enrolment.RoomOf(hello.SatelliteId);
        if (room != hello.Room)
        {
            SatelliteLinkLog.RoomOverridden(deps.Logger, hello.SatelliteId, hello.Room, room);
        }

        var session = new SatelliteSession(hello.SatelliteId, room, remote, deps.Time.GetUtcNow(), _writer)
        {
            Close = CloseAsync,
        };
        if (deps.Registry.Add(session) is { Close: { } closeOld })
        {
            deps.IdGuard.Replaced(hello.SatelliteId);
            _ = closeOld(LinkCloseCodes.Replaced, "replaced by a newer connection of the same satellite");
        }

        // After the session is registered: a conversation decided from here on reaches it (SetConversation), one decided
        // before is in the coordinator's state the welcome carries.
        session.Welcome(
            () => deps.Coordinator.Conversations().Any(c => c.Room == room),
            active => _writer.Send(new WelcomeMessage(
                LinkProtocol.Version,
                deps.ServerId,
                Guid.NewGuid().ToString("N"),
                new AudioStreamParameters(LinkCodec.Opus, deps.Options.UplinkSampleRate, 20),
                new AudioStreamParameters(LinkCodec.Opus, 24000, 80),
                active,
                (int)deps.Options.PingInterval.TotalMilliseconds,
                deps.Options.WakePacketMs)));
        SatelliteLinkLog.Connected(deps.Logger, session.Id, remote, room);
        return session;
    }

    /// <summary>Another device holds this id and it has been flapping: the newcomer backs off (reject server_busy, close 1013).</summary>
    private async Task RefuseSharedIdAsync(HelloMessage hello)
    {
        await SendControlAsync(new RejectMessage(RejectReason.ServerBusy,
            $"Another device is connected with the id '{hello.SatelliteId}' and the two keep replacing each other: give each satellite its own Satellite:Link:SatelliteId."))
            .ConfigureAwait(false);
        await CloseAsync(TryAgainLater, "two devices share this satellite id").ConfigureAwait(false);
    }

    private async Task SendControlAsync(LinkMessage message)
    {
        try
        {
            var json = LinkMessageWriter.ToUtf8(message);
            using var timeout = new CancellationTokenSource(CloseTimeout, deps.Time);
            await socket.SendAsync(json, WebSocketMessageType.Text, true, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            SatelliteLinkLog.Dropped(deps.Logger, remote, ex.Message);
        }
    }

    /// <summary>reject bad_token + close 4004: the satellite retries slowly (a person has to act).</summary>
    private async Task RejectAsync(HelloMessage hello, string message, string detail)
    {
        deps.Metrics.AuthRejected.Increment();
        SatelliteLinkLog.Rejected(deps.Logger, hello.SatelliteId, remote, detail);
        await SendControlAsync(new RejectMessage(RejectReason.BadToken, message)).ConfigureAwait(false);
        await CloseAsync(LinkCloseCodes.AuthenticationFailed, "authentication failed").ConfigureAwait(false);
    }
}
