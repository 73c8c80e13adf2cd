using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Jarvis.Protocol.Opus;
using Microsoft.Extensions.Logging;

namespace Jarvis.Server.PersonaPlex.Client;

/// <summary>
/// Speaks PersonaPlex's <c>/api/chat</c> protocol: connects with the persona in the query, waits for the 0x00
/// handshake (after the server's prompt phase), then streams Opus packets wrapped into Ogg pages without
/// re-encoding, and hands back the server's Opus packets unwrapped from their pages, plus its text pieces.
/// One connection at a time; <see cref="ConnectAsync"/> again opens a new session.
/// </summary>
public sealed class PersonaPlexClient : IAsyncDisposable
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly Uri _endpoint;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _handshakeTimeout;
    private readonly bool _acceptAnyCertificate;
    private readonly OggPageSender _sender = new();
    private PersonaPlexPersona _persona;
    private PersonaPlexConnection? _connection;

    public PersonaPlexClient(Uri endpoint, PersonaPlexPersona persona, TimeSpan handshakeTimeout, TimeProvider time, ILogger logger, bool acceptAnyCertificate = false)
    {
        _endpoint = endpoint;
        _persona = persona;
        _handshakeTimeout = handshakeTimeout;
        _time = time;
        _logger = logger;
        _acceptAnyCertificate = acceptAnyCertificate;
    }

    public Uri Endpoint => _endpoint;

    /// <summary>Time from the WebSocket upgrade to the handshake of the current session (queue + prompt phase).</summary>
    public TimeSpan HandshakeDuration { get; private set; }

    /// <summary>Audio seconds sent on the current session.</summary>
    public double SentSeconds => _connection?.SentSeconds ?? 0;

    /// <summary>Audio seconds received on the current session.</summary>
    public double ReceivedSeconds => _connection?.ReceivedSeconds ?? 0;

    public bool IsReady => _connection is { } c && c.Ready.Task.IsCompletedSuccessfully && !c.ReceiveLoop.IsCompleted;

    /// <summary>Completes when the current session's connection ends; faulted with a <see cref="PersonaPlexException"/> unless we closed it.</summary>
    public Task Completion => _connection?.ReceiveLoop ?? Task.CompletedTask;

    /// <summary>The current session's Opus packets (80 ms each); dispose each packet read.</summary>
    public ChannelReader<PersonaPlexAudioPacket> Audio => Current.Audio.Reader;

    /// <summary>The model's word pieces (word-initial pieces start with a space).</summary>
    public ChannelReader<string> Text => Current.Text.Reader;

    private PersonaPlexConnection Current => _connection ?? throw new InvalidOperationException("Call ConnectAsync first.");

    /// <summary>Persona for the next session (PersonaPlex reads it only when a session opens).</summary>
    public ValueTask SetPersonaAsync(string textPrompt, string voice, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _persona = new PersonaPlexPersona(textPrompt, voice);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Opens a session and returns once it is ready for audio: WebSocket upgraded, handshake received, our Ogg header pages sent.
    /// Throws <see cref="PersonaPlexBusyException"/> when no handshake arrives in time, <see cref="PersonaPlexException"/> otherwise.
    /// </summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        await DisconnectAsync().ConfigureAwait(false);
        var socket = new ClientWebSocket();
        if (_acceptAnyCertificate)
        {
            socket.Options.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }

        var started = _time.GetTimestamp();
        using (var upgradeTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            upgradeTimeout.CancelAfter(_handshakeTimeout);
            try
            {
                await socket.ConnectAsync(PersonaPlexUrl.ForChat(_endpoint, _persona), upgradeTimeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException
                || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                socket.Dispose();
                throw PersonaPlexErrors.CannotConnect(_endpoint, ex);
            }
            catch (OperationCanceledException)
            {
                socket.Dispose();
                throw;
            }
        }

        var connection = new PersonaPlexConnection(socket, _endpoint, _time);
        _connection = connection;
        connection.StartReceiving();
        try
        {
            await connection.Handshake.Task.WaitAsync(_handshakeTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            connection.MarkClosing();
            socket.Abort();
            throw PersonaPlexErrors.Busy(_endpoint, _handshakeTimeout);
        }
        catch (OperationCanceledException)
        {
            connection.MarkClosing();
            socket.Abort();
            throw;
        }

        HandshakeDuration = _time.GetElapsedTime(started);
        _logger.LogDebug("PersonaPlex {Endpoint} handshake after {Seconds:0.00} s", _endpoint, HandshakeDuration.TotalSeconds);
        await _sender.SendHeadersAsync(connection, cancellationToken).ConfigureAwait(false);
        connection.Ready.TrySetResult();
    }

    /// <summary>
    /// Sends one Opus packet (any frame size, any encoder rate) as one Ogg page. Waits for the session to be ready:
    /// a packet sent during the prompt phase would be discarded by the server.
    /// </summary>
    public async ValueTask SendAudioAsync(ReadOnlyMemory<byte> opusPacket, CancellationToken cancellationToken)
    {
        if (!OpusPacket.TryGetSampleCount(opusPacket.Span, 48000, out var samples48k) || samples48k == 0)
        {
            throw new ArgumentException("Not an Opus packet (empty or with an invalid TOC byte); PersonaPlex would end the session on it.", nameof(opusPacket));
        }

        var connection = Current;
        if (!connection.Ready.Task.IsCompletedSuccessfully)
        {
            await connection.Ready.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        await _sender.SendPacketAsync(connection, opusPacket, samples48k, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The current session's Opus packets as they arrive; dispose each one.</summary>
    public async IAsyncEnumerable<PersonaPlexAudioPacket> ReceiveAudioAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reader = Audio;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var packet))
            {
                yield return packet;
            }
        }
    }

    /// <summary>Closes the current session normally (PersonaPlex then releases its single session slot).</summary>
    public async Task DisconnectAsync()
    {
        if (_connection is not { } connection)
        {
            return;
        }

        try
        {
            await connection.CloseAsync(CloseTimeout).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or TimeoutException or ObjectDisposedException)
        {
            _logger.LogDebug(ex, "PersonaPlex {Endpoint}: close did not complete cleanly", _endpoint);
        }
        finally
        {
            await connection.AbortAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync().ConfigureAwait(false);
        _sender.Dispose();
    }
}
