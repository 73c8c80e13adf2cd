using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Server.Satellites;

/// <summary>
/// One satellite's link from hello to close: authenticates it, registers its session, then reads audio and control
/// messages while <see cref="SatelliteLinkWriter"/> sends. Bad input closes the link with a link close code; nothing escapes.
/// </summary>
internal sealed partial class SatelliteConnection(WebSocket socket, string remote, SatelliteLinkDependencies deps)
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);
    private readonly LinkMessageReader _reader = new(LinkPeer.Server);
    private readonly LinkFrameAssembler _assembler = new();
    private readonly ClockSync _clock = new();
    private readonly SatelliteLinkWriter _writer = new(socket, deps.Time, deps.Options.DownlinkQueuePackets, deps.Logger);
    private readonly SemaphoreSlim _closing = new(1, 1);
    private Task _writerTask = Task.CompletedTask;
    private long _lastReceived = deps.Time.GetTimestamp();
    private bool _closed;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var stopping = deps.Stopping.Register(() => _ = CloseAsync((int)WebSocketCloseStatus.EndpointUnavailable, "server stopping"));
        try
        {
            var session = await HandshakeAsync(stop.Token).ConfigureAwait(false);
            if (session is null)
            {
                return;
            }

            _writerTask = _writer.RunAsync(stop.Token);
            var pings = PingLoopAsync(session, stop.Token);
            deps.Coordinator.SetOnline(session.Room, true);
            var reason = "connection lost";
            try
            {
                reason = await ReadLoopAsync(session, stop.Token).ConfigureAwait(false);
            }
            finally
            {
                if (deps.Registry.Remove(session))
                {
                    deps.Coordinator.SetOnline(session.Room, false);
                }

                deps.Enrolment.Seen(session.Id);
                SatelliteLinkLog.Disconnected(deps.Logger, session.Id, session.Room, reason);
                await stop.CancelAsync().ConfigureAwait(false);
                await Task.WhenAll(pings, _writerTask).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
        finally
        {
            _writer.Complete();
            await _writerTask.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            _writer.Drain();
            _assembler.Dispose();
        }
    }

    private async Task<SatelliteSession?> HandshakeAsync(CancellationToken cancellationToken)
    {
        HelloMessage? hello = null;
        try
        {
            var receive = ReceiveAsync(cancellationToken).AsTask();
            var (type, status) = await receive.WaitAsync(deps.Options.HelloTimeout, deps.Time, cancellationToken).ConfigureAwait(false);
            if (type == WebSocketMessageType.Close)
            {
                return null;
            }

            if (status == FragmentStatus.TooLarge)
            {
                await CloseAsync(LinkCloseCodes.FrameTooLarge, "frame larger than 65536 bytes").ConfigureAwait(false);
                return null;
            }

            var read = _reader.Read(type == WebSocketMessageType.Binary ? LinkFrameType.Binary : LinkFrameType.Text, _assembler.Message);
            if (read.Kind == LinkReadKind.Fatal)
            {
                await CloseAsync(read.CloseCode, read.CloseReason ?? "bad hello").ConfigureAwait(false);
                return null;
            }

            hello = read.Message as HelloMessage;
        }
        catch (TimeoutException)
        {
            await CloseAsync(LinkCloseCodes.HandshakeTimeout, "no hello within the timeout").ConfigureAwait(false);
            return null;
        }

        if (hello is null)
        {
            await CloseAsync(LinkCloseCodes.ProtocolViolation, "the first message must be hello").ConfigureAwait(false);
            return null;
        }

        if (!deps.Enrolment.IsValid(hello.SatelliteId, hello.Token) && !await WaitForApprovalAsync(hello, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        if (!deps.IdGuard.MayConnect(hello.SatelliteId, deps.Registry.ByRoom(deps.Enrolment.RoomOf(hello.SatelliteId)) is not null, remote))
        {
            await RefuseSharedIdAsync(hello).ConfigureAwait(false);
            return null;
        }

        return Accept(hello);
    }

    /// <summary>Receives one complete message into the assembler (pooled state machine: no allocation per message).</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<(WebSocketMessageType Type, FragmentStatus Status)> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await socket.ReceiveAsync(_assembler.GetMemory(), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (WebSocketMessageType.Close, FragmentStatus.Complete);
            }

            var status = _assembler.Advance(result.Count, result.EndOfMessage);
            if (status != FragmentStatus.NeedMore)
            {
                return (result.MessageType, status);
            }
        }
    }

    /// <summary>Sends a close frame once (after the writer has stopped, so that sends never overlap).</summary>
    private async Task CloseAsync(int code, string reason)
    {
        await _closing.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            if (code != (int)WebSocketCloseStatus.NormalClosure)
            {
                SatelliteLinkLog.Closing(deps.Logger, remote, code, reason);
            }

            _writer.Complete();
            await _writerTask.WaitAsync(CloseTimeout, deps.Time).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            using var timeout = new CancellationTokenSource(CloseTimeout, deps.Time);
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, CloseReasons.Truncate(reason), timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            SatelliteLinkLog.Dropped(deps.Logger, remote, ex.Message);
        }
        finally
        {
            _closing.Release();
        }
    }
}
