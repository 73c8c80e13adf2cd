using Jarvis.Server.HomeAssistant;
using Jarvis.Server.HomeAssistant.Client;
using Jarvis.Server.HomeAssistant.Model;
using Jarvis.Server.Tests.HomeAssistant.Emulator;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Tests.HomeAssistant;

/// <summary>With no WebSocket attached, the client falls back to the REST API.</summary>
public sealed class RestFallbackTests
{
    [Fact]
    public async Task Service_call_over_rest_updates_the_model_from_the_changed_states()
    {
        await using var emulator = await HomeAssistantEmulator.StartAsync();
        using var http = new HttpClient();
        var options = Options.Create(new HomeAssistantOptions { Url = emulator.Url, Token = emulator.Token });
        var client = new HomeAssistantClient(options, new HomeModel(), http);

        await client.CallServiceAsync("light", "turn_on", new System.Text.Json.Nodes.JsonObject { ["brightness_pct"] = 40 }, ["light.bedroom_lamp"], CancellationToken.None);

        Assert.Equal("on", client.Model.State("light.bedroom_lamp")?.State);
        Assert.Equal(102, client.Model.State("light.bedroom_lamp")?.NumericAttribute("brightness"));
        var conversation = await client.ProcessConversationAsync("turn off bedroom lamp", null, CancellationToken.None);
        Assert.Equal("action_done", (string?)conversation["response"]!["response_type"]);
        Assert.Equal(2, (await client.GetStatesOverRestAsync(CancellationToken.None)).Count(s => s.EntityId.StartsWith("climate.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Rest_with_a_rejected_token_raises_an_auth_error()
    {
        await using var emulator = await HomeAssistantEmulator.StartAsync();
        using var http = new HttpClient();
        var client = new HomeAssistantClient(Options.Create(new HomeAssistantOptions { Url = emulator.Url, Token = "bad" }), new HomeModel(), http);

        await Assert.ThrowsAsync<HomeAssistantAuthException>(() => client.CheckRestAsync(CancellationToken.None));
    }
}
