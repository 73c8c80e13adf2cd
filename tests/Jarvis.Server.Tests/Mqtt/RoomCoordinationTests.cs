using Jarvis.Protocol.Link.Messages;
using Jarvis.Protocol.Mqtt;
using Jarvis.Server.Mqtt;
using Jarvis.Server.Rooms;
using Jarvis.Server.Tests.Hub;

namespace Jarvis.Server.Tests.Mqtt;

/// <summary>Room coordination over MQTT; runs against the MQTTnet broker and a real mosquitto (see the subclasses).</summary>
public abstract class RoomCoordinationTests<TBroker> : IAsyncLifetime
    where TBroker : IBrokerFixture, new()
{
    private readonly List<IAsyncDisposable> _owned = [];

    protected TBroker Broker { get; } = new();

    public Task InitializeAsync() => Broker.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        await Broker.DisposeAsync();
    }

    [Fact]
    public async Task Mute_from_mqtt_reaches_the_satellite_and_silences_the_room()
    {
        var server = await ServerAsync("server-a", "kitchen");
        var kitchen = await SatelliteAsync(server, "kitchen");
        var probe = await ProbeAsync("jarvis/satellite/+/mute");

        await probe.PublishAsync("jarvis/satellite/kitchen-pi/mute/set", "ON");

        await Eventually.TrueAsync(() => kitchen.Last<MuteMessage>()?.Muted == true, "the satellite is told to mute");
        await Eventually.TrueAsync(() => probe.Latest("jarvis/satellite/kitchen-pi/mute") == "ON", "the mute state is published");
        await kitchen.LongPressAsync();
        await BarrierAsync(kitchen);
        Assert.Null(server.Get<ConversationCoordinator>().ActiveRoom(0));
    }

    [Fact]
    public async Task Presence_and_the_active_conversation_are_retained()
    {
        var server = await ServerAsync("server-a", "kitchen");
        var kitchen = await SatelliteAsync(server, "kitchen");
        await kitchen.LongPressAsync();
        await Eventually.TrueAsync(() => kitchen.Last<ConversationMessage>()?.Active == true, "the conversation starts");

        var late = await ProbeAsync("jarvis/satellite/kitchen-pi/status", "jarvis/conversation/active", "jarvis/server/status");

        await Eventually.TrueAsync(() => late.Latest("jarvis/conversation/active") is { } json
            && MqttJson.ParseActiveConversation(System.Text.Encoding.UTF8.GetBytes(json))?.Room == "kitchen", "the active room is retained");
        await Eventually.TrueAsync(() => late.Latest("jarvis/satellite/kitchen-pi/status") == "online", "the satellite is online");
        await Eventually.TrueAsync(() => late.Latest("jarvis/server/status") == "online", "the server is online");

        await kitchen.DisposeAsync();
        await Eventually.TrueAsync(() => late.Latest("jarvis/satellite/kitchen-pi/status") == "offline", "the satellite goes offline");
    }

    [Fact]
    public async Task Rooms_on_two_servers_agree_that_the_best_claim_wins()
    {
        var window = new Dictionary<string, string?> { ["Rooms:ArbitrationWindow"] = "00:00:01" };
        var serverA = await ServerAsync("server-a", "kitchen", window);
        var serverB = await ServerAsync("server-b", "office", window);
        var kitchen = await SatelliteAsync(serverA, "kitchen");
        var office = await SatelliteAsync(serverB, "office");

        await kitchen.VoiceAsync(true, 0.5);
        await office.VoiceAsync(true, 0.9);

        await Eventually.TrueAsync(() => office.Last<ConversationMessage>()?.Active == true, "the office gets the conversation");
        await Eventually.TrueAsync(() => kitchen.Last<LedMessage>()?.State == LedState.Idle, "the kitchen stands down");
        Assert.Null(serverA.Get<ConversationCoordinator>().ActiveRoom(0));
        Assert.DoesNotContain(kitchen.Messages, m => m is ConversationMessage { Active: true });
    }

    [Fact]
    public async Task Rooms_on_two_servers_agree_that_the_louder_room_wins_by_the_level_in_the_claims()
    {
        // The kitchen is 15 dB louder (the nearer room) but its VAD is less sure: the level decides on both servers.
        var window = new Dictionary<string, string?> { ["Rooms:ArbitrationWindow"] = "00:00:01" };
        var serverA = await ServerAsync("server-a", "kitchen", window);
        var serverB = await ServerAsync("server-b", "office", window);
        var kitchen = await SatelliteAsync(serverA, "kitchen");
        var office = await SatelliteAsync(serverB, "office");

        await office.VoiceAsync(true, 0.9, levelDbfs: -70);
        await kitchen.VoiceAsync(true, 0.3, levelDbfs: -55);

        await Eventually.TrueAsync(() => kitchen.Last<ConversationMessage>()?.Active == true, "the louder kitchen gets the conversation");
        await Eventually.TrueAsync(() => office.Last<LedMessage>()?.State == LedState.Idle, "the office stands down");
        Assert.Null(serverB.Get<ConversationCoordinator>().ActiveRoom(0));
        Assert.DoesNotContain(office.Messages, m => m is ConversationMessage { Active: true });
    }

    [Fact]
    public async Task After_a_broker_restart_the_server_resubscribes_and_the_mute_state_is_back()
    {
        var server = await ServerAsync("server-a", "kitchen");
        var kitchen = await SatelliteAsync(server, "kitchen");
        await kitchen.SendAsync(new MuteMessage(true, MuteSource.Server)); // a remote mute: a button mute could not be lifted over MQTT
        await Eventually.TrueAsync(() => server.Get<ConversationCoordinator>().IsMuted("kitchen"), "the hub knows the mute");
        var connection = server.Get<MqttConnection>();
        var connects = connection.Connects;

        await Broker.StopAsync();
        await Broker.StartAsync();
        await Eventually.TrueAsync(() => connection.Connects > connects && connection.IsConnected, "the server reconnects");

        var probe = await ProbeAsync("jarvis/satellite/kitchen-pi/mute");
        await Eventually.TrueAsync(() => probe.Latest("jarvis/satellite/kitchen-pi/mute") == "ON", "the retained mute state is republished");
        await probe.PublishAsync("jarvis/satellite/kitchen-pi/mute/set", "OFF");
        await Eventually.TrueAsync(() => kitchen.Last<MuteMessage>() is { Muted: false, Source: MuteSource.Server }, "the mute command still works");
    }

    private async Task<HubTestServer> ServerAsync(string serverId, string room, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Mqtt:Mode"] = "External",
            ["Mqtt:Host"] = "127.0.0.1",
            ["Mqtt:ServerId"] = serverId,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var server = await HubTestServer.StartAsync(settings, mqttPort: Broker.Port, rooms: [room]);
        _owned.Add(server);
        await Eventually.TrueAsync(() => server.Get<MqttConnection>().IsConnected, $"{serverId} is connected to the broker");
        return server;
    }

    private async Task<SimulatedSatellite> SatelliteAsync(HubTestServer server, string room)
    {
        var satellite = await SimulatedSatellite.ConnectAsync(server.LinkUri, room);
        _owned.Add(satellite);
        await satellite.WaitWelcomedAsync();
        return satellite;
    }

    private async Task<MqttProbe> ProbeAsync(params string[] filters)
    {
        var probe = await MqttProbe.ConnectAsync(Broker.Port, filters);
        _owned.Add(probe);
        return probe;
    }

    /// <summary>Waits until the server has handled everything the satellite sent before.</summary>
    private static async Task BarrierAsync(SimulatedSatellite satellite)
    {
        var t0 = Random.Shared.NextInt64(1, long.MaxValue / 2);
        await satellite.SendAsync(new PingMessage(t0));
        await Eventually.TrueAsync(() => satellite.Messages.OfType<PongMessage>().Any(p => p.T0 == t0), "the server answers the ping");
    }
}
