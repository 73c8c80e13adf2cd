using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Jarvis.Server.HomeAssistant.Client;

/// <summary>
/// Session layer of the WebSocket API: auth phase, increasing ids, pending results completed by id, subscription
/// events delivered through <see cref="Events"/>. One instance per connection; it ends when the socket closes.
/// </summary>
internal sealed class HomeAssistantConnection : IAsyncDisposable
{
    private readonly HomeAssistantSocket _socket;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly Channel<HomeAssistantEvent> _events = Channel.CreateUnbounded<HomeAssistantEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private int _lastId;
    private int _disposed;
    private Task _receiving = Task.CompletedTask;

    private HomeAssistantConnection(HomeAssistantSocket socket, TimeProvider time, TimeSpan timeout)
    {
        _socket = socket;
        _time = time;
        _timeout = timeout;
    }

    public string HaVersion { get; private set; } = "";

    /// <summary>Event messages (<c>{"id":sub,"type":"event","event":{…}}</c>); completes when the connection ends.</summary>
    public ChannelReader<HomeAssistantEvent> Events => _events.Reader;

    /// <summary>Completes when the receive loop ends (socket closed or failed).</summary>
    public Task Completion => _receiving;

    /// <summary>Connects and authenticates. Throws <see cref="HomeAssistantAuthException"/> on a rejected token.</summary>
    public static async Task<HomeAssistantConnection> OpenAsync(Uri uri, string token, TimeProvider time, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var socket = new HomeAssistantSocket();
        var connection = new HomeAssistantConnection(socket, time, timeout);
        try
        {
            using var deadline = new CancellationTokenSource(timeout, time);
            using var auth = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
            await socket.ConnectAsync(uri, auth.Token).ConfigureAwait(false);
            var hello = await ReceiveObjectAsync(socket, auth.Token).ConfigureAwait(false);
            if (HaJson.Text(hello, "type") != "auth_required")
            {
                throw new HomeAssistantException("protocol", $"expected auth_required, got {hello.ToJsonString()}");
            }

            await socket.SendAsync(new JsonObject { ["type"] = "auth", ["access_token"] = token }.ToJsonString(), auth.Token).ConfigureAwait(false);
            var answer = await ReceiveObjectAsync(socket, auth.Token).ConfigureAwait(false);
            switch (HaJson.Text(answer, "type"))
            {
                case "auth_ok":
                    connection.HaVersion = HaJson.Text(answer, "ha_version") ?? "";
                    connection._receiving = connection.ReceiveLoopAsync();
                    return connection;
                case "auth_invalid":
                    throw new HomeAssistantAuthException(HaJson.Text(answer, "message") ?? "Invalid access token");
                default:
                    throw new HomeAssistantException("protocol", $"unexpected auth answer {answer.ToJsonString()}");
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends a command with the next id and returns its <c>result</c> (throws <see cref="HomeAssistantException"/> on an error result).</summary>
    public async Task<JsonNode?> SendAsync(JsonObject command, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _lastId);
        command["id"] = id;
        var pending = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = pending;
        try
        {
            await _socket.SendAsync(command.ToJsonString(), cancellationToken).ConfigureAwait(false);
            return await pending.Task.WaitAsync(_timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new HomeAssistantException("timeout", $"Home Assistant did not answer {(string?)command["type"]} within {_timeout.TotalSeconds:0} s");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public Task PingAsync(CancellationToken cancellationToken) => SendAsync(new JsonObject { ["type"] = "ping" }, cancellationToken);

    private static async Task<JsonObject> ReceiveObjectAsync(HomeAssistantSocket socket, CancellationToken cancellationToken)
    {
        var text = await socket.ReceiveAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new HomeAssistantException("closed", "Home Assistant closed the connection during authentication");
        try
        {
            return HaJson.Parse(text) as JsonObject ?? throw new HomeAssistantException("protocol", "auth message is not a JSON object");
        }
        catch (JsonException ex)
        {
            throw new HomeAssistantException("protocol", $"auth message is not JSON: {ex.Message}");
        }
    }

    private async Task ReceiveLoopAsync()
    {
        await Task.Yield();
        try
        {
            while (await _socket.ReceiveAsync(_stop.Token).ConfigureAwait(false) is { } text)
            {
                // Not JSON: nothing to dispatch, keep the connection.
                foreach (var message in HomeAssistantInbound.Read(text))
                {
                    Dispatch(message);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // Connection lost or closing: pending commands fail below, the runner reconnects.
        }
        finally
        {
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new HomeAssistantException("disconnected", "The connection to Home Assistant was lost"));
            }

            _events.Writer.TryComplete();
        }
    }

    private void Dispatch(HomeAssistantInbound message)
    {
        switch (message)
        {
            case HomeAssistantEvent haEvent:
                _events.Writer.TryWrite(haEvent);
                break;
            case HomeAssistantResult result when _pending.TryGetValue(result.Id, out var pending):
                pending.TrySetResult(result.Result);
                break;
            case HomeAssistantError error when _pending.TryGetValue(error.Id, out var pending):
                pending.TrySetException(new HomeAssistantException(error.Code, error.Message));
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _socket.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _receiving.ConfigureAwait(false);
        }
        finally
        {
            _stop.Dispose();
        }
    }
}
