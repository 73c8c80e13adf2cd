using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Jarvis.Server.Tests.HomeAssistant.Emulator;

namespace Jarvis.Server.Tests.HomeAssistant;

/// <summary>The emulator is as strict as the spec says Home Assistant is.</summary>
public sealed class EmulatorProtocolTests
{
    [Fact]
    public async Task Rest_without_a_valid_token_is_401_plain_text()
    {
        await using var emulator = await HomeAssistantEmulator.StartAsync();
        using var http = new HttpClient();

        var response = await http.GetAsync($"{emulator.Url}/api/states");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("401: Unauthorized", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Rest_unknown_entity_is_404_and_unknown_service_is_400()
    {
        await using var emulator = await HomeAssistantEmulator.StartAsync();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.Token);

        var missing = await http.GetAsync($"{emulator.Url}/api/states/light.nowhere");
        var unknown = await http.PostAsync($"{emulator.Url}/api/services/light/turn_onx", new StringContent("{}"));
        var badJson = await http.PostAsync($"{emulator.Url}/api/services/light/turn_on", new StringContent("{nope"));
        var changed = await http.PostAsync($"{emulator.Url}/api/services/light/turn_on", new StringContent("{\"entity_id\":\"light.bedroom_lamp\",\"brightness_pct\":40}"));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("{\"message\":\"Entity not found.\"}", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("{\"message\":\"Data should be valid JSON.\"}", await badJson.Content.ReadAsStringAsync());
        var text = await changed.Content.ReadAsStringAsync();
        Assert.True(changed.StatusCode == HttpStatusCode.OK, $"{changed.StatusCode}: {text}");
        var states = JsonNode.Parse(text)!.AsArray();
        Assert.Equal(102, (int?)states.Single()!["attributes"]!["brightness"]);
    }

    [Fact]
    public async Task Websocket_rejects_a_bad_token_then_closes()
    {
        await using var emulator = await HomeAssistantEmulator.StartAsync();
        using var socket = await ConnectAsync(emulator);

        Assert.Equal("auth_required", (string?)(await ReceiveAsync(socket))!["type"]);
        await SendAsync(socket, new JsonObject { ["type"] = "auth", ["access_token"] = "nope" });
        Assert.Equal("auth_invalid", (string?)(await ReceiveAsync(socket))!["type"]);
        Assert.Null(await ReceiveAsync(socket));
    }

    [Fact]
    public async Task Websocket_ids_must_increase_and_arrays_and_ping_are_accepted()
    {
        await using var emulator = await HomeAssistantEmulator.StartAsync();
        using var socket = await ConnectAsync(emulator);
        await ReceiveAsync(socket);
        await SendAsync(socket, new JsonObject { ["type"] = "auth", ["access_token"] = emulator.Token });
        Assert.Equal("auth_ok", (string?)(await ReceiveAsync(socket))!["type"]);

        await SendAsync(socket, new JsonArray(new JsonObject { ["id"] = 5, ["type"] = "ping" }, new JsonObject { ["id"] = 5, ["type"] = "get_states" }));
        Assert.Equal("pong", (string?)(await ReceiveAsync(socket))!["type"]);
        var reuse = await ReceiveAsync(socket);
        Assert.Equal("id_reuse", (string?)reuse!["error"]!["code"]);

        await SendAsync(socket, new JsonObject { ["id"] = 6, ["type"] = "call_service", ["domain"] = "light", ["service"] = "turn_onx" });
        Assert.Equal("not_found", (string?)(await ReceiveAsync(socket))!["error"]!["code"]);
        await SendAsync(socket, new JsonObject { ["id"] = 7, ["type"] = "no_such_command" });
        Assert.Equal("unknown_command", (string?)(await ReceiveAsync(socket))!["error"]!["code"]);
        await SendAsync(socket, new JsonObject
        {
            ["id"] = 8, ["type"] = "call_service", ["domain"] = "light", ["service"] = "turn_on",
            ["service_data"] = new JsonObject { ["brightness"] = 10, ["brightness_pct"] = 10 }, ["target"] = new JsonObject { ["entity_id"] = "light.bedroom_lamp" },
        });
        Assert.Equal("invalid_format", (string?)(await ReceiveAsync(socket))!["error"]!["code"]);
    }

    [Fact]
    public async Task Websocket_events_carry_the_subscription_id()
    {
        await using var emulator = await HomeAssistantEmulator.StartAsync();
        using var socket = await ConnectAsync(emulator);
        await ReceiveAsync(socket);
        await SendAsync(socket, new JsonObject { ["type"] = "auth", ["access_token"] = emulator.Token });
        await ReceiveAsync(socket);

        await SendAsync(socket, new JsonObject { ["id"] = 1, ["type"] = "subscribe_events", ["event_type"] = "state_changed" });
        Assert.True((bool?)(await ReceiveAsync(socket))!["success"]);
        await SendAsync(socket, new JsonObject
        {
            ["id"] = 2, ["type"] = "call_service", ["domain"] = "switch", ["service"] = "turn_on", ["target"] = new JsonObject { ["entity_id"] = new JsonArray("switch.bedroom") },
        });

        var messages = new[] { await ReceiveAsync(socket), await ReceiveAsync(socket) };
        var haEvent = messages.Single(m => (string?)m!["type"] == "event")!;
        Assert.Equal(1, (int?)haEvent["id"]);
        Assert.Equal("on", (string?)haEvent["event"]!["data"]!["new_state"]!["state"]);
        var result = messages.Single(m => (string?)m!["type"] == "result")!;
        Assert.Equal((string?)result["result"]!["context"]!["id"], (string?)haEvent["event"]!["context"]!["id"]);
    }

    private static async Task<ClientWebSocket> ConnectAsync(HomeAssistantEmulator emulator)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(emulator.Url.Replace("http", "ws", StringComparison.Ordinal) + "/api/websocket"), CancellationToken.None);
        return socket;
    }

    private static Task SendAsync(ClientWebSocket socket, JsonNode message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonNode?> ReceiveAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        return result.MessageType == WebSocketMessageType.Close ? null : JsonNode.Parse(buffer.AsSpan(0, result.Count));
    }
}
