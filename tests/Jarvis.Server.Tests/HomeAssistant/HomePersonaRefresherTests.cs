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

    private sealed class RecordingSessions : IPersonaPlexSessions
    {
        public List<(string Text, string Voice)> Personas { get; } = [];

        public ValueTask<IConversationChannel> AcquireAsync(string roomId, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("not used by the refresher");

        public ValueTask SetPersonaAsync(string textPrompt, string voice, CancellationToken cancellationToken)
        {
            Personas.Add((textPrompt, voice));
            return ValueTask.CompletedTask;
        }

        public IReadOnlyList<PersonaPlexEndpointStatus> GetStatus() => [];
    }
}
