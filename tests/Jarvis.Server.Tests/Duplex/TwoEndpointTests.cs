using Jarvis.PersonaPlex.Emulator;
using Jarvis.Server.Rooms;
using Jarvis.Server.Tests.Hub;

namespace Jarvis.Server.Tests.Duplex;

public sealed class TwoEndpointTests
{
    [Fact]
    public async Task With_two_PersonaPlex_endpoints_two_rooms_converse_at_once_each_hearing_its_own_session()
    {
        await using var gpu1 = new PersonaPlexEmulator(new EmulatorOptions { PromptSteps = 5 });
        await using var gpu2 = new PersonaPlexEmulator(new EmulatorOptions { PromptSteps = 5 });
        await gpu1.StartAsync();
        await gpu2.StartAsync();
        await using var server = await HubTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["PersonaPlex:Endpoints:0"] = gpu1.ChatUrl.ToString(),
            ["PersonaPlex:Endpoints:1"] = gpu2.ChatUrl.ToString(),
        });
        await using var kitchen = await SimulatedSatellite.ConnectAsync(server.LinkUri, "kitchen");
        await using var office = await SimulatedSatellite.ConnectAsync(server.LinkUri, "office");
        await kitchen.WaitWelcomedAsync();
        await office.WaitWelcomedAsync();

        await kitchen.LongPressAsync();
        await office.LongPressAsync();

        await DuplexFixture.ActiveAsync(kitchen);
        await DuplexFixture.ActiveAsync(office);
        var coordinator = server.Get<ConversationCoordinator>();
        Assert.Equal(["kitchen", "office"], new[] { coordinator.ActiveRoom(0), coordinator.ActiveRoom(1) }.Order());
        await Eventually.TrueAsync(() => kitchen.AudioReceived >= 3 && office.AudioReceived >= 3, "both rooms hear PersonaPlex");
        var rooms = server.Get<Jarvis.Server.PersonaPlex.IPersonaPlexSessions>().GetStatus().Select(s => s.RoomId).Order();
        Assert.Equal(["kitchen", "office"], rooms);
    }
}
