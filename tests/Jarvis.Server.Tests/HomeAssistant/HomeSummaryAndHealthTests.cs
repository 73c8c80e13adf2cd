using System.Net.Http.Json;
using System.Text.Json;
using Jarvis.Server.HomeAssistant.Model;
using Jarvis.Server.HomeAssistant.Summary;
using Jarvis.Server.Tests.HomeAssistant.Emulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Jarvis.Server.Tests.HomeAssistant;

public sealed class HomeSummaryAndHealthTests
{
    [Fact]
    public void Summary_lists_rooms_and_device_names_within_the_token_budget()
    {
        var home = FixtureHome.Load(CorpusPaths.Fixtures).Registries;

        var full = HomeSummaryProvider.Render(home, 1000);
        var small = HomeSummaryProvider.Render(home, 40);

        Assert.StartsWith("Home: Living Room: Ceiling Fan, Curtain Left, Curtain Right, Lamp, Play Corner", full.Text, StringComparison.Ordinal);
        Assert.Contains("Kitchen: Switch, countertop, ceiling, cabinets.", full.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Outside Temperature", full.Text, StringComparison.Ordinal);
        Assert.False(full.Truncated);
        Assert.True(small.ApproxTokens <= 40);
        Assert.True(small.Truncated);
        Assert.Equal((full.Text.Length + 3) / 4, full.ApproxTokens);
    }

    [Fact]
    public void Summary_tells_when_the_home_changed()
    {
        var fixture = FixtureHome.Load(CorpusPaths.Fixtures);
        var model = new HomeModel();
        model.Load(fixture.Registries, fixture.States);
        var before = HomeSummaryProvider.Render(model.Snapshot, 1000);

        model.ApplyStateChanged("light.bedroom_lamp", fixture.States.First(s => s.EntityId == "light.bedroom_lamp") with { State = "on" });
        Assert.False(HomeSummaryProvider.Render(model.Snapshot, 1000).DiffersFrom(before));

        var desk = new EntityState("light.desk", "off", JsonSerializer.SerializeToElement(new { friendly_name = "Desk Lamp" }));
        model.ApplyStateChanged("light.desk", desk);
        var after = HomeSummaryProvider.Render(model.Snapshot, 1000);
        Assert.True(after.DiffersFrom(before));
        Assert.Contains("Desk Lamp", after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_says_not_configured_when_url_and_token_are_empty()
    {
        var app = Jarvis.Server.Hosting.ServerApp.Build(Hub.TestState.Arguments("--urls", "http://127.0.0.1:0"));
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient();
            var health = await http.GetFromJsonAsync<JsonElement>($"{address}/health");

            var entry = health.GetProperty("backends").GetProperty("homeassistant");
            Assert.False(entry.GetProperty("ready").GetBoolean());
            Assert.Equal("not configured", entry.GetProperty("detail").GetString());
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
