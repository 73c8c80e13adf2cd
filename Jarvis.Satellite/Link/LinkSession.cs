using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Satellite.Audio;
using Jarvis.Satellite.Button;
using Jarvis.Satellite.Hosting;
using Jarvis.Satellite.Playback;
using Jarvis.Satellite.Uplink;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jarvis.Satellite.Link;

/// <summary>
/// One connection's protocol: handshake, then the receive loop (downlink audio into the jitter buffer,
/// control messages applied), the send loop (uplink audio, events, pings, stats) and an idle watchdog.
/// Returns when the connection ends; throws <see cref="LinkRejectedException"/> when the server refuses us.
/// </summary>
public sealed partial class LinkSession(
    IOptions<LinkOptions> options, SatelliteCapabilities capabilities, SatelliteStatus status, MuteController mute,
    LinkUplink uplink, JitterBuffer jitter, PlaybackVolume volume, SatelliteEvents events, AudioDeviceCounters devices,
    MonotonicClock clock, TimeProvider time, ILogger<LinkSession> logger)
{
    private readonly LinkOptions settings = options.Value;

    public static string SoftwareVersion =>
        typeof(LinkSession).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Round trip and clock offset to the server, from ping/pong.</summary>
    public ClockSync Clock { get; } = new();

    public async Task RunAsync(ILinkTransport transport, Action onWelcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        var reader = new LinkMessageReader(LinkPeer.Satellite);
        var hello = new HelloMessage(LinkProtocol.Version, settings.SatelliteId, settings.Room, settings.Token, capabilities, SoftwareVersion);
        var welcome = await LinkHandshake.RunAsync(
            transport, hello, reader, TimeSpan.FromMilliseconds(settings.HandshakeTimeoutMilliseconds), time, OnPending, cancellationToken).ConfigureAwait(false);
        CheckAudio(welcome);
        status.WaitingForApproval = false;
        LogConnected(welcome.ServerId, welcome.SessionId, settings.Room);
        onWelcome();

        var outbox = new LinkOutbox();
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        while (events.Reader.TryRead(out _))
        {
            // Voice and button events from before the connection are stale.
        }

        outbox.PostControl(mute.Report());
        jitter.Flush();
        jitter.ForgetStreamKind();
        status.SetError(false);
        status.SetConversationActive(welcome.ConversationActive);
        status.SetConnected(true);
        var heartbeat = new LinkHeartbeat(transport, outbox, uplink, jitter, devices, clock, time,
            TimeSpan.FromMilliseconds(welcome.PingIntervalMs), TimeSpan.FromMilliseconds(settings.StatsIntervalMilliseconds));
        uplink.Attach(outbox, welcome.WakePacketMs);
        var handler = new LinkControlHandler(status, mute, jitter, volume, outbox, clock, Clock, logger);
        try
        {
            Task[] loops =
            [
                ReceiveLoopAsync(transport, reader, handler, heartbeat, session.Token),
                SendLoopAsync(transport, outbox, session.Token),
                ForwardEventsAsync(outbox, session.Token),
                heartbeat.RunAsync(session.Token),
            ];
            var first = await Task.WhenAny(loops).ConfigureAwait(false);
            await session.CancelAsync().ConfigureAwait(false);
            await LinkLoops.WhenAllQuietlyAsync(loops).ConfigureAwait(false);
            await first.ConfigureAwait(false);
        }
        finally
        {
            uplink.Detach();
            outbox.Close();
            status.SetConnected(false);
            status.SetConversationActive(false);
            status.SetServerLed(LedState.Idle);
            jitter.Flush();
        }
    }

    private void OnPending(PendingMessage pending)
    {
        if (!status.WaitingForApproval)
        {
            LogPending(settings.SatelliteId, settings.Room, pending.PairingCode, pending.Message);
            status.WaitingForApproval = true;
        }
    }

    private void CheckAudio(WelcomeMessage welcome)
    {
        if (!uplink.Accepts(welcome.Uplink) || welcome.Downlink.Codec != LinkCodec.Opus)
        {
            throw new LinkRejectedException(RejectReason.UnsupportedAudio,
                $"the server asks for uplink {welcome.Uplink} and downlink {welcome.Downlink}; this satellite sends Opus " +
                $"{uplink.SampleRate} Hz {uplink.FrameMilliseconds} ms and plays Opus (set Satellite:Audio to match the server)");
        }
    }

    private async Task ReceiveLoopAsync(
        ILinkTransport transport, LinkMessageReader reader, LinkControlHandler handler, LinkHeartbeat heartbeat, CancellationToken ct)
    {
        await foreach (var inbound in transport.Inbound.ReadAllAsync(ct).ConfigureAwait(false))
        {
            heartbeat.Received();
            if (Dispatch(reader, handler, inbound) is { } fatal)
            {
                LogFatal(fatal.Code, fatal.Reason);
                await transport.CloseAsync(fatal.Code, fatal.Reason, ct).ConfigureAwait(false);
                throw new LinkProtocolException(fatal.Reason, fatal.Code);
            }
        }

        var close = transport.CloseInfo;
        LogClosed(close?.Code, close?.Reason ?? close?.Error?.Message);
    }

    private (int Code, string Reason)? Dispatch(LinkMessageReader reader, LinkControlHandler handler, LinkInbound inbound)
    {
        var result = reader.Read(inbound.Type, inbound.Data);
        switch (result.Kind)
        {
            case LinkReadKind.Audio when result.Audio.Codec == LinkCodec.Opus:
                jitter.Push(result.Audio.Sequence, result.Payload);
                return null;
            case LinkReadKind.Control:
                handler.Handle(result.Message!);
                return null;
            case LinkReadKind.Fatal:
                return (result.CloseCode, result.CloseReason ?? "protocol error");
            default:
                return null;
        }
    }

    private static async Task SendLoopAsync(ILinkTransport transport, LinkOutbox outbox, CancellationToken ct)
    {
        await foreach (var frame in outbox.Reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            try
            {
                if (frame.Control is { } message)
                {
                    await transport.SendAsync(LinkMessageWriter.ToUtf8(message), LinkFrameType.Text, ct).ConfigureAwait(false);
                }
                else
                {
                    await transport.SendAsync(frame.Buffer.AsMemory(0, frame.Length), LinkFrameType.Binary, ct).ConfigureAwait(false);
                }
            }
            finally
            {
                frame.Release();
            }
        }
    }

    private async Task ForwardEventsAsync(LinkOutbox outbox, CancellationToken ct)
    {
        await foreach (var e in events.Reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            outbox.PostControl(LinkEventMessages.ToMessage(e));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Link up: server {ServerId}, session {SessionId}, room {Room}")]
    private partial void LogConnected(string serverId, string sessionId, string room);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for approval: satellite {SatelliteId} wants to join room {Room}, pairing code {PairingCode}. {Message}")]
    private partial void LogPending(string satelliteId, string room, string pairingCode, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing the link ({Code}): {Reason}")]
    private partial void LogFatal(int code, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Link closed ({Code} {Reason})")]
    private partial void LogClosed(int? code, string? reason);
}
