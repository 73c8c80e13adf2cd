using System.Text.Json;
using Jarvis.Server.HomeAssistant.Model;
using Jarvis.Server.HomeAssistant.Summary;
using Jarvis.Server.PersonaPlex;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Tests.HomeAssistant;

/// <summary>PersonaPlex knows the home: the persona carries the home summary and is refreshed when the home changes.</summary>
public sealed class HomePersonaRefresherTests
{
    [Fact]
    public async Task Persona_gets_the_home_summary_and_is_refreshed_when_an_entity_is_renamed()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();
        var sessions = new RecordingSessions();
        var refresher = new HomePersonaRefresher(
            env.Host.Services.GetRequiredService<HomeSummaryProvider>(),
            sessions,
            Options.Create(new PersonaPlexOptions()),
            env.Host.Services.GetRequiredService<IOptions<Jarvis.Server.HomeAssistant.HomeAssistantOptions>>(),
            TimeProvider.System,
            NullLogger<HomePersonaRefresher>.Instance);

        Assert.True(await refresher.RefreshAsync(CancellationToken.None));
        var first = Assert.Single(sessions.Personas);
        Assert.StartsWith(new PersonaPlexOptions().TextPrompt.TrimEnd(), first.Text);
        Assert.Contains("Home:", first.Text);
        Assert.Equal("NATF2.pt", first.Voice);
        Assert.False(await refresher.RefreshAsync(CancellationToken.None));

        env.Emulator.Home.Rename("light.bedroom_lamp", "Reading Light");
        await Eventually.TrueAsync(() => env.Client.Model.Snapshot.Entity("light.bedroom_lamp")?.Name == "Reading Light");

        Assert.True(await refresher.RefreshAsync(CancellationToken.None));
        Assert.Contains("Reading Light", sessions.Personas[^1].Text);
    }

    [Fact]
    public async Task State_changes_never_refresh_the_persona_only_a_new_name_does()
    {
        var model = new HomeModel();
        var kitchen = new HomeArea("kitchen", "Kitchen", [], null);
        // Home Assistant's friendly_name puts the device in front of a registry name: "Kitchen Ceiling" for "Ceiling".
        model.Load(
            new HomeSnapshot([], [kitchen], [new HomeEntity("light.ceiling", "Ceiling", [], "kitchen", null)], 1),
            [Light("light.ceiling", "on", "Kitchen Ceiling"), Light("light.strip", "off", "Strip")]);
        var sessions = new RecordingSessions();
        var refresher = new HomePersonaRefresher(
            new HomeSummaryProvider(model, Options.Create(new Jarvis.Server.HomeAssistant.HomeAssistantOptions())),
            sessions,
            Options.Create(new PersonaPlexOptions()),
            Options.Create(new Jarvis.Server.HomeAssistant.HomeAssistantOptions()),
            TimeProvider.System,
            NullLogger<HomePersonaRefresher>.Instance);
        Assert.True(await refresher.RefreshAsync(CancellationToken.None));

        foreach (var state in new[] { "off", "on", "unavailable", "on" })
        {
            model.ApplyStateChanged("light.ceiling", Light("light.ceiling", state, "Kitchen Ceiling"));
            model.ApplyStateChanged("light.strip", Light("light.strip", state, "Strip"));
            Assert.False(await refresher.RefreshAsync(CancellationToken.None), $"a light turning {state} is not a new name");
        }

        model.ApplyStateChanged("light.strip", Light("light.strip", "on", "Sofa Strip"));
        Assert.True(await refresher.RefreshAsync(CancellationToken.None), "a renamed light is");
        Assert.Contains("Sofa Strip", sessions.Personas[^1].Text);
        Assert.Contains("Ceiling", sessions.Personas[^1].Text);
        Assert.DoesNotContain("Kitchen Ceiling", sessions.Personas[^1].Text);
        Assert.Equal(2, sessions.Personas.Count);
    }

    private static EntityState Light(string id, string state, string friendlyName) =>
        new(id, state, JsonSerializer.SerializeToElement(new { friendly_name = friendlyName }));

    private sealed class RecordingSessions : IPersonaPlexSessions
    {
        public List<(string Text, string Voice)> Personas { get; } = [];

        public ValueTask<IConversationChannel> AcquireAsync(string roomId, IModelOutput? output, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("not used by the refresher");

        public ValueTask SetPersonaAsync(string textPrompt, string voice, CancellationToken cancellationToken)
        {
            Personas.Add((textPrompt, voice));
            return ValueTask.CompletedTask;
        }

        public IReadOnlyList<PersonaPlexEndpointStatus> GetStatus() => [];
    }
}
