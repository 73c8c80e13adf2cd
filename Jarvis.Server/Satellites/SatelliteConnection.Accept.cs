using System.Net.WebSockets;
using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Server.Satellites;

/// <summary>Accepting (session, welcome) or rejecting (reject, 4004) a satellite's hello.</summary>
internal sealed partial class SatelliteConnection
{
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

    private async Task RejectAsync(HelloMessage hello)
    {
        var known = deps.Options.Devices.ContainsKey(hello.SatelliteId);
        var reason = known ? RejectReason.BadToken : RejectReason.UnknownSatellite;
        var message = known
            ? $"The token for satellite '{hello.SatelliteId}' does not match: set the same token as Satellites:Devices:{hello.SatelliteId}:Token on the server."
            : $"Satellite '{hello.SatelliteId}' is not enrolled: add it under Satellites:Devices in the server's jarvis.json.";
        deps.Metrics.AuthRejected.Increment();
        SatelliteLinkLog.Rejected(deps.Logger, hello.SatelliteId, remote, reason.ToString());
        try
        {
            var json = LinkMessageWriter.ToUtf8(new RejectMessage(reason, message));
            using var timeout = new CancellationTokenSource(CloseTimeout, deps.Time);
            await socket.SendAsync(json, WebSocketMessageType.Text, true, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            SatelliteLinkLog.Dropped(deps.Logger, remote, ex.Message);
        }

        await CloseAsync(LinkCloseCodes.AuthenticationFailed, "authentication failed").ConfigureAwait(false);
    }
}
