using System.Buffers;
using System.Buffers.Text;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Jarvis.Protocol.Json;
using Jarvis.Server.PersonaPlex.Client;

namespace Jarvis.Server.PersonaPlex.Realtime;

/// <summary>
/// One WebSocket to vLLM-Omni's duplex route carrying one session: opened with <c>duplex=1&amp;model=…&amp;autostart=0</c> and
/// one <c>session.update</c>, ready at <c>session.created</c>; its receive loop classifies events with a
/// <see cref="Utf8JsonReader"/> over a pooled buffer, decodes audio deltas into a reused buffer and hands them to the
/// <see cref="IServerEventSink"/>; closed with <c>session.close</c> → <c>session.closed</c> (the slot is then free again).
/// </summary>
internal sealed partial class RealtimeConnection : IAsyncDisposable
{
    private const int MaxMessageBytes = 16 * 1024 * 1024;
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(3);

    private readonly ClientWebSocket _socket;
    private readonly RealtimeEndpointInfo _endpoint;
    private readonly PersonaPlexPersona _persona;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly TaskCompletionSource<string> _created = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile IServerEventSink? _sink;
    private volatile bool _closing;
    private volatile string? _closeReason;
    private byte[] _pcm = [];

    private RealtimeConnection(ClientWebSocket socket, RealtimeEndpointInfo endpoint, PersonaPlexPersona persona, TimeProvider time, ILogger logger)
    {
        _socket = socket;
        _endpoint = endpoint;
        _persona = persona;
        _time = time;
        _logger = logger;
    }

    /// <summary>The id the server gave the session.</summary>
    public string SessionId { get; private set; } = string.Empty;

    /// <summary>Ends with the connection: faulted with a <see cref="PersonaPlexException"/> unless we closed it.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>
    /// Opens a session with <paramref name="persona"/>. Throws <see cref="PersonaPlexBusyException"/> when the server has no free
    /// session, <see cref="RealtimeConfigurationException"/> when it refuses the configuration, <see cref="PersonaPlexException"/> otherwise.
    /// </summary>
    public static async Task<RealtimeConnection> OpenAsync(RealtimeEndpointInfo endpoint, PersonaPlexPersona persona, PersonaPlexOptions options,
        TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (endpoint.Options.ApiKey is { Length: > 0 } key)
        {
            socket.Options.SetRequestHeader("Authorization", "Bearer " + key);
        }

        if (options.AcceptAnyServerCertificate)
        {
            socket.Options.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }

        using (var timeout = new CancellationTokenSource(options.HandshakeTimeout, time))
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
        {
            try
            {
                await socket.ConnectAsync(RealtimeUrl.ForSession(endpoint.Url, endpoint.Options.Model), connect.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException
                || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var status = socket.HttpStatusCode;
                socket.Dispose();
                throw RealtimeErrors.CannotConnect(endpoint, ex, status == 0 ? null : status);
            }
            catch (OperationCanceledException)
            {
                socket.Dispose();
                throw;
            }
        }

        var connection = new RealtimeConnection(socket, endpoint, persona, time, logger);
        connection.Completion = Task.Run(connection.ReceiveLoopAsync, CancellationToken.None);
        try
        {
            await connection.SendAsync(ClientMessages.SessionUpdate(endpoint.Options.Model, persona), cancellationToken).ConfigureAwait(false);
            connection.SessionId = await connection._created.Task.WaitAsync(options.HandshakeTimeout, time, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (TimeoutException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw RealtimeErrors.NoSession(endpoint, options.HandshakeTimeout);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Where the session's events go from now on.</summary>
    public void Attach(IServerEventSink sink) => _sink = sink;

    /// <summary>Sends one event (a text frame), one sender at a time.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask SendAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        await _send.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(json, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>
    /// Ends the session politely: <c>session.close</c>, then <c>session.closed</c> (sent once the server freed the slot), then
    /// the close frames. Gives up after a few seconds on a server that does not answer.
    /// </summary>
    public async Task CloseAsync(string reason)
    {
        if (_closing)
        {
            return;
        }

        _closing = true;
        try
        {
            if (_socket.State == WebSocketState.Open && _created.Task.IsCompletedSuccessfully && !Completion.IsCompleted)
            {
                using var timeout = new CancellationTokenSource(CloseTimeout, _time);
                await SendAsync(ClientMessages.Close(reason), timeout.Token).ConfigureAwait(false);
                await _closed.Task.WaitAsync(CloseTimeout, _time).ConfigureAwait(false);
            }

            await Completion.WaitAsync(CloseTimeout, _time).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or TimeoutException or ObjectDisposedException)
        {
            LogCloseIncomplete(_logger, _endpoint.Url, ex.Message);
        }
        finally
        {
            _socket.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _closing = true;
        _socket.Abort();
        await Completion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
    }

    /// <summary>
    /// Receives events until the connection ends. An audio delta is handed to the sink one frame at a time, yielding between
    /// frames: the room's reader (queued on this thread) gets each frame's packets as soon as they are encoded, not after the
    /// whole delta (1 then 5 frames). The next receive is started before that, on the thread where the last one completed:
    /// the socket's receive methods rent their pooled async boxes per thread, and a receive started on whichever thread
    /// the yields ended on missed them and allocated (~0.9 KB, most deltas at 8 sessions).
    /// </summary>
    private async Task ReceiveLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        Exception? failure = null;
        try
        {
            var receive = _socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
            while (true)
            {
                var result = await receive.ConfigureAwait(false);
                var length = result.Count;
                while (!result.EndOfMessage)
                {
                    if (length == buffer.Length)
                    {
                        buffer = Grow(buffer, length);
                    }

                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None).ConfigureAwait(false);
                    length += result.Count;
                }

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    failure = _closing ? null
                        : _closed.Task.IsCompleted ? RealtimeErrors.SessionClosed(_endpoint, _closeReason)
                        : RealtimeErrors.ClosedByServer(_endpoint, _socket.CloseStatus, _socket.CloseStatusDescription);
                    await AnswerCloseAsync().ConfigureAwait(false);
                    break;
                }

                // The event is read (audio decoded into _pcm) before the buffer takes the next one.
                var arrival = _time.GetTimestamp();
                var pcm = result.MessageType == WebSocketMessageType.Text ? Dispatch(buffer.AsSpan(0, length)) : 0;
                receive = _socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                for (var offset = 0; offset < pcm; offset += RealtimeAudio.FrameBytesPcm16)
                {
                    if (offset > 0)
                    {
                        await Task.Yield();
                    }

                    _sink?.OnAudio(_pcm.AsSpan(offset, Math.Min(RealtimeAudio.FrameBytesPcm16, pcm - offset)), arrival);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            failure = _closing ? null : RealtimeErrors.Dropped(_endpoint, ex);
        }
        catch (PersonaPlexException ex)
        {
            failure = ex;
            _socket.Abort();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _created.TrySetException(failure ?? new PersonaPlexException($"The connection to vLLM-Omni at {_endpoint.Url} closed before the session opened."));
            _closed.TrySetResult(null);
        }

        if (failure is not null)
        {
            throw failure;
        }
    }

    /// <summary>Handles one event; for audio, returns the bytes of pcm16 decoded into <c>_pcm</c> (delivered by the caller).</summary>
    private int Dispatch(ReadOnlySpan<byte> message)
    {
        var received = ServerEventReader.Read(message);
        switch (received.Kind)
        {
            case ServerEventKind.AudioDelta when received.HasDelta:
                return DecodeAudio(message, received);
            case ServerEventKind.TextDelta when received.HasDelta:
                _sink?.OnText(DeltaText(message, received));
                break;
            case ServerEventKind.SessionCreated:
                _created.TrySetResult(ServerEventDetails.ReadId(message));
                break;
            case ServerEventKind.SessionClosed:
                _closeReason = ServerEventDetails.ReadCloseReason(message);
                _closed.TrySetResult(_closeReason);
                break;
            case ServerEventKind.Error:
                var error = RealtimeServerError.Parse(message);
                if (!_created.Task.IsCompleted)
                {
                    _created.TrySetException(RealtimeErrors.Refused(_endpoint, error, _persona));
                }
                else
                {
                    _sink?.OnError(error);
                }

                break;
            case ServerEventKind.ResponseCreated:
                _sink?.OnResponseStarted();
                break;
            case ServerEventKind.ResponseDone:
                _sink?.OnResponseEnded();
                break;
            case ServerEventKind.Unreadable:
                LogUnreadable(_logger, _endpoint.Url, message.Length);
                break;
        }

        return 0;
    }

    private int DecodeAudio(ReadOnlySpan<byte> message, ServerEvent received)
    {
        ReadOnlySpan<byte> base64 = received.DeltaEscaped
            ? Encoding.UTF8.GetBytes(DeltaText(message, received))
            : message.Slice(received.DeltaStart, received.DeltaLength);
        var size = Base64.GetMaxDecodedFromUtf8Length(base64.Length);
        if (_pcm.Length < size)
        {
            _pcm = new byte[Math.Max(size, 32 * 1024)];
        }

        if (Base64.DecodeFromUtf8(base64, _pcm, out _, out var written) != OperationStatus.Done)
        {
            LogBadAudio(_logger, _endpoint.Url, base64.Length);
            return 0;
        }

        return written;
    }

    /// <summary>The delta as text (the JSON escapes undone).</summary>
    internal static string DeltaText(ReadOnlySpan<byte> message, ServerEvent received)
    {
        var raw = message.Slice(received.DeltaStart - 1, received.DeltaLength + 2); // with its quotes
        var reader = new Utf8JsonReader(raw);
        reader.Read();
        return JsonText.Read(ref reader);
    }

    private static byte[] Grow(byte[] buffer, int length)
    {
        if (length >= MaxMessageBytes)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new PersonaPlexException($"vLLM-Omni sent an event larger than {MaxMessageBytes / (1024 * 1024)} MiB.");
        }

        var larger = ArrayPool<byte>.Shared.Rent(length * 2);
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    private async Task AnswerCloseAsync()
    {
        if (_socket.State == WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1), _time);
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "vLLM-Omni {Endpoint}: close did not complete cleanly ({Reason})")]
    private static partial void LogCloseIncomplete(ILogger logger, Uri endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "vLLM-Omni {Endpoint}: ignored an event that is not a JSON object with a type ({Bytes} bytes)")]
    private static partial void LogUnreadable(ILogger logger, Uri endpoint, int bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "vLLM-Omni {Endpoint}: an audio delta is not valid base64 ({Characters} characters); dropped")]
    private static partial void LogBadAudio(ILogger logger, Uri endpoint, int characters);
}
