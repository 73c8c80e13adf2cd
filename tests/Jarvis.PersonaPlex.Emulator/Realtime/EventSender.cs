using System.Net.WebSockets;
using System.Text.Json;

namespace Jarvis.PersonaPlex.Emulator.Realtime;

/// <summary>Sends one connection's events as text frames, one at a time, and records their types (and error codes).</summary>
internal sealed class EventSender
{
    private readonly WebSocket _socket;
    private readonly RealtimeSessionRecord _record;
    private readonly SemaphoreSlim _lock = new(1, 1);

    public EventSender(WebSocket socket, RealtimeSessionRecord record)
    {
        _socket = socket;
        _record = record;
    }

    public async Task SendAsync(byte[] json, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _record.ServerEvents.Enqueue(TypeOf(json));
            await _socket.SendAsync(json, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    public Task ErrorAsync(WireError error, CancellationToken cancellationToken)
    {
        _record.Errors.Enqueue(error.Code);
        return SendAsync(WireEvents.Error(error), cancellationToken);
    }

    /// <summary>Closes with <paramref name="reason"/> (code 1000), then waits briefly for the client's close frame.</summary>
    public async Task CloseAsync(string reason, Task clientClosed)
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, timeout.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                await clientClosed.WaitAsync(timeout.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    private static string TypeOf(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                return reader.GetString() ?? string.Empty;
            }
        }

        return string.Empty;
    }
}
