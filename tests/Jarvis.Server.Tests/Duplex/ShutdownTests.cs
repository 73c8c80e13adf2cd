using Jarvis.PersonaPlex.Emulator;
using Jarvis.Server.Tests.Hub;

namespace Jarvis.Server.Tests.Duplex;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Stopping_the_server_mid_conversation_with_a_satellite_connected_logs_no_error()
    {
        await using var emulator = new PersonaPlexEmulator(new EmulatorOptions { PromptSteps = 5 });
        await emulator.StartAsync();
        var server = await HubTestServer.StartAsync(new Dictionary<string, string?> { ["PersonaPlex:Url"] = emulator.ChatUrl.ToString() });
        await using var kitchen = await SimulatedSatellite.ConnectAsync(server.LinkUri, "kitchen");
        await kitchen.WaitWelcomedAsync();
        await kitchen.LongPressAsync();
        await DuplexFixture.ActiveAsync(kitchen);

        // The satellite stays connected while the server stops: the conversation ends during shutdown.
        await server.DisposeAsync();
    }
}
