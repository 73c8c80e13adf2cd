using System.Net.WebSockets;
using System.Text.Json;
using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.Rooms;
using Jarvis.Server.Satellites;
using Jarvis.Server.Tests.Hub;

namespace Jarvis.Server.Tests.Satellites;

public sealed class SatelliteLinkTests : IAsyncLifetime
{
    private HubTestServer _server = null!;

    public async Task InitializeAsync() => _server = await HubTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_satellite_with_its_token_is_welcomed_and_appears_on_the_status_page()
    {
        await using var kitchen = await SimulatedSatellite.ConnectAsync(_server.LinkUri, "kitchen");
        await kitchen.WaitWelcomedAsync();

        var welcome = kitchen.Last<WelcomeMessage>()!;
        Assert.Equal(("test-server", 16000, 24000), (welcome.ServerId, welcome.Uplink.SampleRate, welcome.Downlink.SampleRate));
        using var http = _server.ApiClient();
        using var status = JsonDocument.Parse(await http.GetStringAsync("/api/status"));
        var room = status.RootElement.GetProperty("rooms").EnumerateArray().Single(r => r.GetProperty("room").GetString() == "kitchen");
        Assert.True(room.GetProperty("online").GetBoolean());
        Assert.Equal("kitchen-pi", room.GetProperty("satellite").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_wrong_token_never_gets_a_session_it_waits_for_the_owner()
    {
        // Changed by issue 13: a strong but wrong token is a request to join (pending), never a session.
        await using var intruder = await SimulatedSatellite.ConnectAsync(_server.LinkUri, "kitchen", token: "not-the-right-token-at-all");

        await Eventually.TrueAsync(() => intruder.Last<PendingMessage>() is not null, "the link waits for approval");
        Assert.Equal(0, _server.Get<SatelliteRegistry>().Count);
        Assert.Null(intruder.Last<WelcomeMessage>());
    }

    [Fact]
    public async Task A_weak_token_is_rejected_with_a_reason_and_never_gets_a_session()
    {
        await using var intruder = await SimulatedSatellite.ConnectAsync(_server.LinkUri, "kitchen", token: "secret-1234");

        await Eventually.TrueAsync(() => intruder.Closed, "the link is closed");
        Assert.Equal(RejectReason.BadToken, intruder.Last<RejectMessage>()?.Reason);
        Assert.Equal((WebSocketCloseStatus)LinkCloseCodes.AuthenticationFailed, intruder.CloseStatus);
        Assert.Equal(0, _server.Get<SatelliteRegistry>().Count);
        Assert.Null(intruder.Last<WelcomeMessage>());
    }

    [Fact]
    public async Task An_unknown_satellite_gets_the_same_reply_as_a_wrong_token_which_says_where_to_enrol()
    {
        // Changed by issue 12: the wire no longer tells an unknown id from a wrong token (the server's log does).
        await using var stranger = await SimulatedSatellite.ConnectAsync(_server.LinkUri, "garage", token: "whatever-token-1234", id: "garage-pi");

        await Eventually.TrueAsync(() => stranger.Closed, "the link is closed");
        var reject = stranger.Last<RejectMessage>()!;
        Assert.Equal(RejectReason.BadToken, reject.Reason);
        Assert.Contains("Satellites:Devices", reject.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_frame_closes_the_link_with_the_protocol_code()
    {
        await using var kitchen = await SimulatedSatellite.ConnectAsync(_server.LinkUri, "kitchen");
        await kitchen.WaitWelcomedAsync();

        await kitchen.SendRawAsync("{not json"u8.ToArray(), WebSocketMessageType.Text);

        await Eventually.TrueAsync(() => kitchen.Closed, "the link is closed");
        Assert.Equal((WebSocketCloseStatus)LinkCloseCodes.MalformedFrame, kitchen.CloseStatus);
        await Eventually.TrueAsync(() => _server.Get<SatelliteRegistry>().Count == 0, "the session is gone");
    }

    [Fact]
    public async Task A_link_without_hello_is_closed_after_the_handshake_timeout()
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(_server.LinkUri, CancellationToken.None);
        var buffer = new byte[1024];

        var result = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal((WebSocketCloseStatus)LinkCloseCodes.HandshakeTimeout, socket.CloseStatus);
    }

    [Fact]
    public async Task A_reconnecting_satellite_replaces_its_old_link()
    {
        await using var first = await SimulatedSatellite.ConnectAsync(_server.LinkUri, "kitchen");
        await first.WaitWelcomedAsync();
        await using var second = await SimulatedSatellite.ConnectAsync(_server.LinkUri, "kitchen");
        await second.WaitWelcomedAsync();

        await Eventually.TrueAsync(() => first.Closed, "the old link is closed");
        Assert.Equal((WebSocketCloseStatus)LinkCloseCodes.Replaced, first.CloseStatus);
        Assert.Equal(1, _server.Get<SatelliteRegistry>().Count);
        Assert.Contains(_server.Get<ConversationCoordinator>().Rooms(), r => r is { Room: "kitchen", Online: true });
    }

    [Fact]
    public async Task Long_press_starts_a_conversation_in_that_room()
    {
        await using var kitchen = await SimulatedSatellite.ConnectAsync(_server.LinkUri, "kitchen");
        await kitchen.WaitWelcomedAsync();

        await kitchen.LongPressAsync();

        await Eventually.TrueAsync(() => kitchen.Last<ConversationMessage>()?.Active == true, "the conversation is active in the kitchen");
        Assert.Equal("kitchen", _server.Get<ConversationCoordinator>().ActiveRoom(0));
        Assert.Equal(LedState.Listening, kitchen.Last<LedMessage>()?.State);
    }

    [Fact]
    public async Task Mute_from_the_button_silences_the_room()
    {
        await using var kitchen = await SimulatedSatellite.ConnectAsync(_server.LinkUri, "kitchen");
        await kitchen.WaitWelcomedAsync();
        await kitchen.MuteAsync(true);
        await Eventually.TrueAsync(() => _server.Get<ConversationCoordinator>().IsMuted("kitchen"), "the hub knows the kitchen is muted");

        await kitchen.VoiceAsync(true, 0.9);
        await kitchen.LongPressAsync();
        await kitchen.SendAsync(new PingMessage(1));
        await Eventually.TrueAsync(() => kitchen.Last<PongMessage>() is not null, "the server has handled the earlier messages");

        Assert.Null(_server.Get<ConversationCoordinator>().ActiveRoom(0));
    }

    [Fact]
    public async Task Ping_and_pong_measure_the_round_trip()
    {
        await using var kitchen = await SimulatedSatellite.ConnectAsync(_server.LinkUri, "kitchen");
        await kitchen.WaitWelcomedAsync();

        await Eventually.TrueAsync(() => kitchen.Last<PingMessage>() is not null, "the server pings");
        await Eventually.TrueAsync(() => _server.Get<SatelliteRegistry>().ByRoom("kitchen")?.RttMilliseconds > 0, "an RTT is measured");
    }
}
