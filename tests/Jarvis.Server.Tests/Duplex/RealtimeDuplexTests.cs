using Jarvis.PersonaPlex.Emulator;
using Jarvis.PersonaPlex.Emulator.Realtime;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Rooms;
using Jarvis.Server.Tests.Hub;
using Jarvis.Server.Tests.PersonaPlex.Realtime;

namespace Jarvis.Server.Tests.Duplex;

/// <summary>
/// Rooms talking to PersonaPlex served by vLLM-Omni (the Realtime backend), through the real server and link with simulated
/// satellites, against the strict emulator: several conversations on one GPU, waiting for a free session, a server restart,
/// and a pool mixing NVIDIA's server with vLLM-Omni.
/// </summary>
public sealed class RealtimeDuplexTests : IAsyncLifetime
{
    private readonly RealtimeEmulator _gpu = new(new RealtimeEmulatorOptions { MaxSessions = 2, ChunkFrames = 1 });
    private readonly List<IAsyncDisposable> _owned = [];

    public Task InitializeAsync() => _gpu.StartAsync();

    public async Task DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }

        await _gpu.DisposeAsync();
    }

    [Fact]
    public async Task Two_rooms_converse_at_once_on_one_endpoint_each_hearing_only_its_own_conversation()
    {
        var server = await ServerAsync(Realtime(capacity: 2));
        var kitchen = await SatelliteAsync(server, "kitchen");
        var office = await SatelliteAsync(server, "office");
        await Eventually.TrueAsync(() => server.Get<IPersonaPlexSessions>().GetStatus().All(s => s.State == PersonaPlexState.Warm), "both sessions warm");

        await kitchen.LongPressAsync();
        await office.LongPressAsync();
        await DuplexFixture.ActiveAsync(kitchen);
        await DuplexFixture.ActiveAsync(office);
        Own(new SatelliteMicrophone(kitchen, Tone.Kitchen));
        Own(new SatelliteMicrophone(office, Tone.Office));

        await Eventually.TrueAsync(() => Heard(kitchen).Count(t => t == Tone.Kitchen) >= 5 && Heard(office).Count(t => t == Tone.Office) >= 5,
            "each room hears its conversation", TimeSpan.FromSeconds(20));
        Assert.DoesNotContain(Tone.Office, Heard(kitchen));
        Assert.DoesNotContain(Tone.Kitchen, Heard(office));

        var sessions = _gpu.OpenedSessions;
        Assert.Equal(2, sessions.Count);
        var tones = sessions.Select(s => s.Frames.Select(f => Tone.Dominant(f.Samples, 24000)).Where(t => t != 0).ToArray()).ToArray();
        Assert.All(tones, heard => Assert.Single(heard.Distinct())); // each session received one room's audio only
        Assert.Equal([Tone.Kitchen, Tone.Office], tones.Select(t => t[0]).Order());
        Assert.Equal(["kitchen", "office"], server.Get<IPersonaPlexSessions>().GetStatus().Select(s => s.RoomId).Order());
    }

    [Fact]
    public async Task A_third_room_waits_and_starts_when_a_session_frees()
    {
        var server = await ServerAsync(Realtime(capacity: 2));
        var kitchen = await SatelliteAsync(server, "kitchen");
        var office = await SatelliteAsync(server, "office");
        var hall = await SatelliteAsync(server, "hall");
        await kitchen.LongPressAsync();
        await office.LongPressAsync();
        await DuplexFixture.ActiveAsync(kitchen);
        await DuplexFixture.ActiveAsync(office);

        await hall.LongPressAsync();
        await Eventually.TrueAsync(() => server.Get<ConversationCoordinator>().Rooms().Any(r => r is { Room: "hall", Waiting: true }), "the hall waits");
        Assert.NotEqual(true, hall.Last<ConversationMessage>()?.Active);

        await kitchen.MuteAsync(true);
        await DuplexFixture.ActiveAsync(hall);
        Own(new SatelliteMicrophone(hall, Tone.Kitchen));
        await Eventually.TrueAsync(() => Heard(hall).Count(t => t == Tone.Kitchen) >= 3, "the hall hears PersonaPlex", TimeSpan.FromSeconds(20));
        Assert.Equal(2, _gpu.OpenedSessions.Count); // the kitchen's session served the hall: no session beyond the server's two
    }

    [Fact]
    public async Task A_server_restart_mid_conversation_gives_the_error_led_and_earcon_and_the_next_conversation_works()
    {
        var server = await ServerAsync(Realtime(capacity: 2));
        var kitchen = await SatelliteAsync(server, "kitchen");
        await kitchen.LongPressAsync();
        await DuplexFixture.ActiveAsync(kitchen);
        var port = _gpu.Port;

        await _gpu.StopAsync();
        await Eventually.TrueAsync(() => kitchen.Last<LedMessage>()?.State == LedState.Error, "the error LED");
        await Eventually.TrueAsync(() => kitchen.AudioReceived >= 16, "the error earcon plays");
        Assert.False(kitchen.Last<ConversationMessage>()!.Active);

        await _gpu.StartAsync(port);
        await Eventually.TrueAsync(() => server.Get<IPersonaPlexSessions>().GetStatus().All(s => s.State == PersonaPlexState.Warm), "vLLM-Omni is back", TimeSpan.FromSeconds(20));
        await kitchen.LongPressAsync();
        await Eventually.TrueAsync(() => kitchen.Messages.OfType<ConversationMessage>().Count(m => m.Active) == 2, "the next conversation starts");
        var heard = kitchen.AudioReceived;
        Own(new SatelliteMicrophone(kitchen, Tone.Kitchen));
        await Eventually.TrueAsync(() => kitchen.AudioReceived >= heard + 10, "and PersonaPlex is heard again");
    }

    [Fact]
    public async Task A_pool_of_one_Moshi_and_one_Realtime_endpoint_serves_two_rooms_at_once()
    {
        var moshi = new PersonaPlexEmulator(new EmulatorOptions { PromptSteps = 5 });
        Own(moshi);
        await moshi.StartAsync();
        var settings = Realtime(capacity: 1, index: 1);
        settings["PersonaPlex:Endpoints:0"] = moshi.ChatUrl.ToString();
        var server = await ServerAsync(settings);
        var kitchen = await SatelliteAsync(server, "kitchen");
        var office = await SatelliteAsync(server, "office");
        await Eventually.TrueAsync(() => server.Get<IPersonaPlexSessions>().GetStatus().All(s => s.State == PersonaPlexState.Warm), "both endpoints warm");

        await kitchen.LongPressAsync();
        await office.LongPressAsync();
        await DuplexFixture.ActiveAsync(kitchen);
        await DuplexFixture.ActiveAsync(office);
        Own(new SatelliteMicrophone(kitchen, Tone.Kitchen));
        Own(new SatelliteMicrophone(office, Tone.Office));

        await Eventually.TrueAsync(() => kitchen.AudioReceived >= 10 && office.AudioReceived >= 10, "both rooms hear PersonaPlex", TimeSpan.FromSeconds(20));
        var status = server.Get<IPersonaPlexSessions>().GetStatus();
        Assert.Equal(2, status.Count);
        Assert.All(status, s => Assert.Equal(PersonaPlexState.InConversation, s.State));
        Assert.Equal(moshi.ChatUrl, status[0].Endpoint);
        Assert.StartsWith(_gpu.RealtimeUrl.ToString(), status[1].Endpoint.ToString());
        Assert.NotNull(status[1].RoomId);
        await Eventually.TrueAsync(() => !moshi.Sessions[^1].DecodedPackets.IsEmpty && _gpu.OpenedSessions[0].Frames.Any(f => Tone.Dominant(f.Samples, 24000) != 0),
            "each server receives a room's audio");
    }

    private Dictionary<string, string?> Realtime(int capacity, int index = 0) => new()
    {
        [$"PersonaPlex:Endpoints:{index}:Url"] = _gpu.RealtimeUrl.ToString(),
        [$"PersonaPlex:Endpoints:{index}:Kind"] = "Realtime",
        [$"PersonaPlex:Endpoints:{index}:Capacity"] = capacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["PersonaPlex:ReconnectBackoffInitial"] = "00:00:00.200",
        ["PersonaPlex:ReconnectBackoffMax"] = "00:00:00.500",
    };

    private async Task<HubTestServer> ServerAsync(Dictionary<string, string?> settings)
    {
        var server = await HubTestServer.StartAsync(settings);
        Own(server);
        return server;
    }

    private async Task<SimulatedSatellite> SatelliteAsync(HubTestServer server, string room)
    {
        var satellite = await SimulatedSatellite.ConnectAsync(server.LinkUri, room);
        Own(satellite);
        await satellite.WaitWelcomedAsync();
        return satellite;
    }

    private void Own(IAsyncDisposable disposable) => _owned.Add(disposable);

    private static IReadOnlyList<double> Heard(SimulatedSatellite satellite) => Tone.Heard(Tone.Decode(satellite.Audio));
}
