using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jarvis.Server.Tests.HomeAssistant.Emulator;

/// <summary>
/// One WebSocket client of the emulated HA: auth phase (10 s limit, auth_invalid then close), strictly increasing ids,
/// array frames, ping/pong, subscriptions whose events carry the subscribe id, and the commands Jarvis uses.
/// </summary>
internal sealed class EmulatorWebSocketSession(WebSocket socket, HomeAssistantEmulator emulator)
{
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly Dictionary<int, Action> _subscriptions = [];
    private int _lastId;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await SendAsync(new JsonObject { ["type"] = "auth_required", ["ha_version"] = HomeAssistantEmulator.Version }, cancellationToken);
        using var authTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        authTimeout.CancelAfter(TimeSpan.FromSeconds(10));
        var auth = await ReceiveAsync(authTimeout.Token);
        if (auth is not JsonObject authMessage || (string?)authMessage["type"] != "auth" || authMessage["access_token"] is not JsonValue)
        {
            await RejectAsync("Auth message incorrectly formatted: expected {type: auth, access_token}", cancellationToken);
            return;
        }

        if ((string?)authMessage["access_token"] != emulator.Token)
        {
            emulator.RecordAuthFailure();
            await RejectAsync("Invalid access token or password", cancellationToken);
            return;
        }

        await SendAsync(new JsonObject { ["type"] = "auth_ok", ["ha_version"] = HomeAssistantEmulator.Version }, cancellationToken);
        try
        {
            while (await ReceiveAsync(cancellationToken) is { } frame)
            {
                foreach (var message in frame is JsonArray batch ? batch.ToList() : [frame])
                {
                    await HandleAsync(message as JsonObject, cancellationToken);
                }
            }
        }
        finally
        {
            foreach (var unsubscribe in _subscriptions.Values)
            {
                unsubscribe();
            }
        }
    }

    private async Task HandleAsync(JsonObject? message, CancellationToken cancellationToken)
    {
        if (message?["id"] is not JsonValue idValue || idValue.GetValueKind() != JsonValueKind.Number || !idValue.TryGetValue<int>(out var id) || (string?)message["type"] is not { } type)
        {
            await SendAsync(Error(0, "invalid_format", "Message incorrectly formatted."), cancellationToken);
            return;
        }

        if (id <= _lastId)
        {
            await SendAsync(Error(id, "id_reuse", "Identifier values have to increase."), cancellationToken);
            return;
        }

        _lastId = id;
        if (type == "ping")
        {
            await SendAsync(new JsonObject { ["id"] = id, ["type"] = "pong" }, cancellationToken);
            return;
        }

        try
        {
            var result = await EmulatorCommands.RunAsync(emulator.Home, type, message, id, this, cancellationToken);
            await SendAsync(new JsonObject { ["id"] = id, ["type"] = "result", ["success"] = true, ["result"] = result }, cancellationToken);
        }
        catch (EmulatorServiceException ex)
        {
            await SendAsync(Error(id, ex.Code, ex.Message), cancellationToken);
        }
    }

    /// <summary>Starts pushing <paramref name="eventType"/> events (null = all) with the subscribe id.</summary>
    public void Subscribe(int id, string? eventType, CancellationToken cancellationToken)
    {
        var reader = emulator.Home.Subscribe(out var unsubscribe);
        _subscriptions[id] = unsubscribe;
        _ = Task.Run(async () =>
        {
            await foreach (var haEvent in reader.ReadAllAsync(cancellationToken))
            {
                if (eventType is null || (string?)haEvent["event_type"] == eventType)
                {
                    await SendAsync(new JsonObject { ["id"] = id, ["type"] = "event", ["event"] = haEvent }, cancellationToken);
                }
            }
        }, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public bool Unsubscribe(int subscription)
    {
        if (!_subscriptions.Remove(subscription, out var unsubscribe))
        {
            return false;
        }

        unsubscribe();
        return true;
    }

    private static JsonObject Error(int id, string code, string message) => new()
    {
        ["id"] = id, ["type"] = "result", ["success"] = false, ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
    };

    private async Task RejectAsync(string message, CancellationToken cancellationToken)
    {
        await SendAsync(new JsonObject { ["type"] = "auth_invalid", ["message"] = message }, cancellationToken);
        await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "auth failed", cancellationToken);
    }

    private async Task<JsonNode?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        using var text = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            text.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                try
                {
                    return JsonNode.Parse(text.ToArray());
                }
                catch (JsonException)
                {
                    return new JsonObject();
                }
            }
        }
    }

    private async Task SendAsync(JsonObject message, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _send.WaitAsync(cancellationToken);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken);
            }
        }
        finally
        {
            _send.Release();
        }
    }
}
