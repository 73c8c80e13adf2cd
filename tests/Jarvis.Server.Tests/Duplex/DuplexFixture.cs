using Jarvis.PersonaPlex.Emulator;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.Tests.Hub;

namespace Jarvis.Server.Tests.Duplex;

/// <summary>A server wired to a PersonaPlex emulator, with simulated satellites for the three rooms.</summary>
internal sealed class DuplexFixture : IAsyncDisposable
{
    private readonly List<SimulatedSatellite> _satellites = [];

    private DuplexFixture(PersonaPlexEmulator emulator, HubTestServer server)
    {
        Emulator = emulator;
        Server = server;
    }

    public PersonaPlexEmulator Emulator { get; }

    public HubTestServer Server { get; }

    public static async Task<DuplexFixture> StartAsync(IDictionary<string, string?>? overrides = null)
    {
        var emulator = new PersonaPlexEmulator(new EmulatorOptions { PromptSteps = 5 });
        await emulator.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["PersonaPlex:Url"] = emulator.ChatUrl.ToString(),
            ["PersonaPlex:ReconnectBackoffInitial"] = "00:00:00.200",
            ["PersonaPlex:ReconnectBackoffMax"] = "00:00:00.500",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new DuplexFixture(emulator, await HubTestServer.StartAsync(settings));
    }

    public async Task<SimulatedSatellite> SatelliteAsync(string room)
    {
        var satellite = await SimulatedSatellite.ConnectAsync(Server.LinkUri, room);
        _satellites.Add(satellite);
        await satellite.WaitWelcomedAsync();
        return satellite;
    }

    public static Task ActiveAsync(SimulatedSatellite satellite) =>
        Eventually.TrueAsync(() => satellite.Last<ConversationMessage>()?.Active == true, $"the conversation is in {satellite.Room}");

    public async ValueTask DisposeAsync()
    {
        foreach (var satellite in _satellites)
        {
            await satellite.DisposeAsync();
        }

        await Server.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
