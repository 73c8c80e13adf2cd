using System.Text.Json;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.Mqtt;
using Jarvis.Server.Rooms;
using Jarvis.Server.Tests.Hub;
using Jarvis.Server.Tests.Mqtt;

namespace Jarvis.Server.Tests.Security;

/// <summary>
/// The attacks of issue 12 on the embedded broker, replayed with the real mosquitto client tools against the real server,
/// and the paths that must keep working (Home Assistant's account, the server's own client).
/// </summary>
public sealed class BrokerAttackTests : IAsyncLifetime
{
    private const string HomeAssistant = "homeassistant";
    private const string AtticPassword = "0f3a6c9e2b5d8f1a4c7e0b3d6f9a2c5e8b1d4f7a0c3e6b9d";
    private HubTestServer _server = null!;

    private int Port => _server.MqttPort;

    public async Task InitializeAsync() => _server = await HubTestServer.StartAsync(new Dictionary<string, string?>
    {
        // A second server's account (role Server) for the claim-rate and retained-limit replays.
        ["Mqtt:Accounts:attic-server:Password"] = AtticPassword,
        ["Mqtt:Accounts:attic-server:Role"] = "Server",
        ["Mqtt:MaxRetainedMessages"] = "64",
        ["Satellites:HelloTimeout"] = TestState.PatientHelloTimeout,
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_anonymous_client_is_refused_on_every_listener()
    {
        await Eventually.TrueAsync(() => _server.Get<MqttConnection>().IsConnected, "the server's own client is connected");
        foreach (var host in new[] { "127.0.0.1", "::1" })
        {
            var result = await MosquittoClient.PublishAsync(Port, "jarvis/satellite/kitchen-pi/mute/set", "OFF", host: host);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("bad user name or password", result.Error, StringComparison.OrdinalIgnoreCase);
        }

        var guessed = await MosquittoClient.PublishAsync(Port, "jarvis/x", "1", HomeAssistant, "homeassistant");
        Assert.NotEqual(0, guessed.ExitCode);
    }

    [Fact]
    public async Task The_broker_listens_on_loopback_only_by_default()
    {
        var listeners = await MosquittoClient.RunAsync("ss", ["-ltnH", $"sport = :{Port}"]);

        var local = listeners.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3]).ToArray();
        Assert.NotEmpty(local);
        Assert.All(local, address => Assert.True(address.StartsWith("127.", StringComparison.Ordinal) || address.StartsWith("[::1]", StringComparison.Ordinal), $"{address} is not loopback"));
    }

    [Fact]
    public async Task A_button_mute_cannot_be_lifted_over_mqtt_and_the_server_says_why()
    {
        await using var kitchen = await SimulatedSatellite.ConnectAsync(_server.LinkUri, "kitchen");
        await kitchen.WaitWelcomedAsync();
        await kitchen.MuteAsync(true); // the button
        await Eventually.TrueAsync(() => _server.Get<ConversationCoordinator>().IsMuted("kitchen"), "the hub knows the button mute");
        await using var observer = await _server.HomeAssistantProbeAsync("jarvis/satellite/kitchen-pi/#");

        var anonymous = await MosquittoClient.PublishAsync(Port, "jarvis/satellite/kitchen-pi/mute/set", "OFF");
        var homeAssistant = await MosquittoClient.PublishAsync(Port, "jarvis/satellite/kitchen-pi/mute/set", "OFF", HomeAssistant, TestState.HomeAssistantPassword);

        Assert.NotEqual(0, anonymous.ExitCode);
        Assert.Equal(0, homeAssistant.ExitCode);
        await Eventually.TrueAsync(() => _server.Errors.All.Any(e => e.Contains("refused to unmute kitchen-pi", StringComparison.Ordinal)), "the server logs why");
        await Eventually.TrueAsync(() => observer.Received.Any(m => m.Topic == "jarvis/satellite/kitchen-pi/state" && m.Payload.Contains("\"muted_by\":\"button\"", StringComparison.Ordinal)),
            "the MQTT state says the button muted it");
        Assert.Equal("ON", observer.Latest("jarvis/satellite/kitchen-pi/mute"));
        Assert.DoesNotContain(kitchen.Messages, m => m is MuteMessage { Muted: false });
        Assert.True(_server.Get<ConversationCoordinator>().IsMuted("kitchen"));
    }

    [Fact]
    public async Task Home_assistants_account_can_mute_and_unmute_a_remote_mute()
    {
        await using var kitchen = await SimulatedSatellite.ConnectAsync(_server.LinkUri, "kitchen");
        await kitchen.WaitWelcomedAsync();

        var mute = await MosquittoClient.PublishAsync(Port, "jarvis/satellite/kitchen-pi/mute/set", "ON", HomeAssistant, TestState.HomeAssistantPassword);

        Assert.Equal(0, mute.ExitCode);
        await Eventually.TrueAsync(() => kitchen.Last<MuteMessage>() is { Muted: true }, "the satellite is told to mute");
        await kitchen.SendAsync(new MuteMessage(true, MuteSource.Server)); // what a real satellite reports after a remote mute
        await MosquittoClient.PublishAsync(Port, "jarvis/satellite/kitchen-pi/mute/set", "OFF", HomeAssistant, TestState.HomeAssistantPassword);
        await Eventually.TrueAsync(() => kitchen.Last<MuteMessage>() is { Muted: false }, "a remote mute is lifted remotely");
    }

    [Fact]
    public async Task A_client_without_an_id_gets_one_as_with_mosquitto_and_reads_the_retained_state()
    {
        var result = await MosquittoClient.RunAsync("mosquitto_sub",
            [.. MosquittoClient.Common("127.0.0.1", Port, HomeAssistant, TestState.HomeAssistantPassword), "-V", "mqttv311", "-t", "jarvis/server/status", "-C", "1", "-W", "10"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("online", result.Output.Trim());
    }

    [Fact]
    public async Task Fake_arbitration_claims_do_not_stop_a_room_from_answering()
    {
        await using var kitchen = await SimulatedSatellite.ConnectAsync(_server.LinkUri, "kitchen");
        await kitchen.WaitWelcomedAsync();
        var claim = """{"wake_id":"w1","room":"attic","satellite_id":"attic-pi","score":1.0,"timestamp":"2026-11-24T12:00:00+00:00","server_id":"attic"}""";
        using var flooding = new CancellationTokenSource();
        var flood = Task.Run(async () =>
        {
            while (!flooding.IsCancellationRequested)
            {
                await MosquittoClient.PublishAsync(Port, "jarvis/arbitration/claim/attic", claim, HomeAssistant, TestState.HomeAssistantPassword);
            }
        });

        await Eventually.TrueAsync(() => _server.Errors.All.Any(e => e.Contains("refused a publish", StringComparison.Ordinal) && e.Contains("claim/attic", StringComparison.Ordinal)),
            "the broker refuses Home Assistant's claims");
        await kitchen.VoiceAsync(true, 0.6);
        await Eventually.TrueAsync(() => kitchen.Last<ConversationMessage>()?.Active == true, "the kitchen answers despite the flood");
        await flooding.CancelAsync();
        await flood;
    }

    [Fact]
    public async Task Arbitration_claims_from_a_server_account_are_bounded_in_rate()
    {
        await using var listener = await _server.HomeAssistantProbeAsync("jarvis/arbitration/claim/#");
        var claim = """{"wake_id":"w1","room":"attic","satellite_id":"attic-pi","score":1.0,"timestamp":"2026-11-24T12:00:00+00:00","server_id":"attic"}""";

        // 200 claims as fast as mosquitto_pub sends them (one connection, -l reads one message per line).
        var lines = string.Join('\n', Enumerable.Repeat(claim, 200)) + "\n";
        var result = await MosquittoClient.RunAsync("mosquitto_pub",
            [.. MosquittoClient.Common("127.0.0.1", Port, "attic-server", AtticPassword), "-t", "jarvis/arbitration/claim/attic", "-l", "-q", "1"], standardInput: lines);

        Assert.True(result.ExitCode == 0, result.ToString());
        await Eventually.TrueAsync(() => _server.Errors.All.Any(e => e.Contains("arbitration claims a second", StringComparison.Ordinal)), "the excess is refused");
        Assert.InRange(listener.Received.Count, 1, 150);
    }

    [Fact]
    public async Task Home_assistant_cannot_rewrite_discovery_or_presence()
    {
        await Eventually.TrueAsync(() => _server.Get<MqttConnection>().IsConnected, "connected");
        string[] attacks = ["homeassistant/switch/jarvis_kitchen-pi/mute/config", "jarvis/satellite/kitchen-pi/status", "jarvis/server/status", "jarvis/satellite/kitchen-pi/mute/set"];
        foreach (var topic in attacks)
        {
            await MosquittoClient.PublishAsync(Port, topic, "{\"name\":\"evil\"}", HomeAssistant, TestState.HomeAssistantPassword, "127.0.0.1", "-r");
        }

        await using var late = await _server.HomeAssistantProbeAsync("homeassistant/#", "jarvis/#");
        await Eventually.TrueAsync(() => late.Latest("jarvis/server/status") == "online", "the retained state arrives");
        await Eventually.TrueAsync(() => late.Latest("jarvis/satellite/kitchen-pi/status") == "offline", "presence is the server's");
        Assert.DoesNotContain(late.Received, m => m.Payload.Contains("evil", StringComparison.Ordinal));
        Assert.All(late.Received.Where(m => m.Topic.EndsWith("/config", StringComparison.Ordinal)), m => JsonDocument.Parse(m.Payload));
    }

    [Fact]
    public async Task Oversized_messages_and_too_many_retained_topics_are_refused()
    {
        await using var watcher = await _server.HomeAssistantProbeAsync("jarvis/spam/#");
        var big = new string('x', 200 * 1024);
        var oversized = await MosquittoClient.RunAsync("mosquitto_pub",
            [.. MosquittoClient.Common("127.0.0.1", Port, "attic-server", AtticPassword), "-t", "jarvis/spam/big", "-s"], standardInput: big);
        Assert.True(oversized.ExitCode == 0, oversized.ToString());

        for (var i = 0; i < 100; i++)
        {
            await MosquittoClient.PublishAsync(Port, $"jarvis/spam/{i}", "x", "attic-server", AtticPassword, "127.0.0.1", "-r");
        }

        await Eventually.TrueAsync(() => _server.Errors.All.Any(e => e.Contains("Mqtt:MaxRetainedMessages", StringComparison.Ordinal)), "the retained limit is reached");
        Assert.Contains(_server.Errors.All, e => e.Contains("Mqtt:MaxPayloadBytes", StringComparison.Ordinal));
        await using var late = await _server.HomeAssistantProbeAsync("#");
        await Eventually.TrueAsync(() => late.Received.Any(m => m.Topic == "jarvis/server/status"), "retained messages arrive");
        Assert.InRange(late.Received.Count(m => m.Retained), 1, 64);
        Assert.DoesNotContain(watcher.Received, m => m.Topic == "jarvis/spam/big");
    }

    [Fact]
    public async Task Nobody_can_knock_the_servers_own_client_off_with_its_client_id()
    {
        var connection = _server.Get<MqttConnection>();
        await Eventually.TrueAsync(() => connection.IsConnected && connection.Connects == 1, "connected (and counted: after resubscribing)");
        var connects = connection.Connects;

        for (var i = 0; i < 5; i++)
        {
            var result = await MosquittoClient.PublishAsync(Port, "jarvis/satellite/kitchen-pi/mute/set", "ON", HomeAssistant, TestState.HomeAssistantPassword,
                "127.0.0.1", "-i", "jarvis-server-test-server");
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("identifier rejected", result.Error, StringComparison.OrdinalIgnoreCase);
        }

        Assert.True(connection.IsConnected);
        Assert.Equal(connects, connection.Connects);
    }

    [Fact]
    public async Task The_servers_own_client_reconnects_with_its_generated_credentials_after_a_broker_restart()
    {
        var connection = _server.Get<MqttConnection>();
        await Eventually.TrueAsync(() => connection.IsConnected, "connected");
        var connects = connection.Connects;
        var broker = _server.Get<EmbeddedMqttBroker>();

        await broker.StopAsync(CancellationToken.None);
        await broker.StartAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => connection.IsConnected && connection.Connects > connects, "the server's client reconnects");
        Assert.True(File.Exists(Path.Combine(_server.StateDirectory, MqttAccounts.ServerPasswordFile)));
    }
}
