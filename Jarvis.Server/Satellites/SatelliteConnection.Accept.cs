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
        var room = deps.Options.RoomOf(hello.SatelliteId);
        if (deps.Options.Devices[hello.SatelliteId].Room is { Length: > 0 } && room != hello.Room)
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

        var active = deps.Coordinator.Conversations().Any(c => c.Room == room);
        _writer.Send(new WelcomeMessage(
            LinkProtocol.Version,
            deps.ServerId,
            Guid.NewGuid().ToString("N"),
            new AudioStreamParameters(LinkCodec.Opus, deps.Options.UplinkSampleRate, 20),
            new AudioStreamParameters(LinkCodec.Opus, 24000, 80),
            active,
            (int)deps.Options.PingInterval.TotalMilliseconds));
        SatelliteLinkLog.Connected(deps.Logger, session.Id, remote, room);
        return session;
    }

    /// <summary>Another device holds this id and it has been flapping: the newcomer backs off (reject server_busy, close 1013).</summary>
    private async Task RefuseSharedIdAsync(HelloMessage hello)
    {
        await SendRejectAsync(new RejectMessage(RejectReason.ServerBusy,
            $"Another device is connected with the id '{hello.SatelliteId}' and the two keep replacing each other: give each satellite its own Satellite:Link:SatelliteId."))
            .ConfigureAwait(false);
        await CloseAsync(TryAgainLater, "two devices share this satellite id").ConfigureAwait(false);
    }

    private async Task SendRejectAsync(RejectMessage reject)
    {
        try
        {
            var json = LinkMessageWriter.ToUtf8(reject);
            using var timeout = new CancellationTokenSource(CloseTimeout, deps.Time);
            await socket.SendAsync(json, WebSocketMessageType.Text, true, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            SatelliteLinkLog.Dropped(deps.Logger, remote, ex.Message);
        }
    }

    private async Task RejectAsync(HelloMessage hello)
    {
        // One reply for a wrong token and an unknown id, so that the wire does not tell which ids are enrolled; the log does.
        var known = deps.Options.Devices.ContainsKey(hello.SatelliteId);
        var detail = known
            ? $"the token does not match Satellites:Devices:{hello.SatelliteId}:Token"
            : $"'{hello.SatelliteId}' is not enrolled under Satellites:Devices";
        const string Message = "The server does not accept this satellite id and token: check that Satellite:Link:SatelliteId and Token match an entry under Satellites:Devices in the server's jarvis.json.";
        deps.Metrics.AuthRejected.Increment();
        SatelliteLinkLog.Rejected(deps.Logger, hello.SatelliteId, remote, detail);
        await SendRejectAsync(new RejectMessage(RejectReason.BadToken, Message)).ConfigureAwait(false);
        await CloseAsync(LinkCloseCodes.AuthenticationFailed, "authentication failed").ConfigureAwait(false);
    }
}
