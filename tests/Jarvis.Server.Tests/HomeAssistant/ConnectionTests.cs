using Jarvis.Server.HomeAssistant.Client;
using Jarvis.Server.Tests.HomeAssistant.Emulator;

namespace Jarvis.Server.Tests.HomeAssistant;

/// <summary>The client's connection life against the emulator: bad token, restarts, registry changes.</summary>
public sealed class ConnectionTests
{
    [Fact]
    public async Task Rejected_token_stops_reconnecting_and_says_what_to_fix()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync(token: "wrong-token", waitConnected: false);

        await Eventually.TrueAsync(() => env.Client.Status.State == HomeAssistantConnectionState.AuthFailed);
        await Eventually.TrueAsync(() => env.Runner.ExecuteTask?.IsCompleted == true, because: "the reconnect loop ends");

        Assert.Equal(1, env.Emulator.AuthFailures);
        Assert.Contains("HomeAssistant:Token", env.Client.Status.Detail, StringComparison.Ordinal);
        var reply = await env.Conversation.HandleAsync("turn on the kitchen lights", "Kitchen", CancellationToken.None);
        Assert.Contains("rejected the token", reply.Speech, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_reconnects_after_home_assistant_restarts()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();

        await env.Emulator.StopAsync();
        await Eventually.TrueAsync(() => env.Client.Status.State != HomeAssistantConnectionState.Connected, because: "the loss is noticed");
        env.Emulator.Home.Mutate("switch.bedroom", e => e.State = "on", "while-away");
        await env.Emulator.RestartAsync();
        await Eventually.TrueAsync(() => env.Client.Status.State == HomeAssistantConnectionState.Connected, because: "the client reconnects");

        Assert.Equal("on", env.Client.Model.State("switch.bedroom")?.State);
        var reply = await env.Conversation.HandleAsync("turn off the bedroom switch", "Kitchen", CancellationToken.None);
        Assert.True(Assert.Single(reply.Actions).Succeeded);
        Assert.Equal("off", env.Emulator.Home.Entity("switch.bedroom")!.State);
    }

    [Fact]
    public async Task Entity_renamed_in_home_assistant_is_understood_without_restart()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();

        env.Emulator.Home.Rename("light.bedroom_lamp", "Reading Light");
        await Eventually.TrueAsync(() => env.Client.Model.Snapshot.Entity("light.bedroom_lamp")?.Name == "Reading Light");

        var reply = await env.Conversation.HandleAsync("turn on the reading light", "Kitchen", CancellationToken.None);
        Assert.Equal(["light.bedroom_lamp"], Assert.Single(reply.Actions).EntityIds);
        Assert.Equal("on", env.Emulator.Home.Entity("light.bedroom_lamp")!.State);
    }

    [Fact]
    public async Task Entity_added_in_home_assistant_is_understood_without_restart()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();

        env.Emulator.Home.Add(new EmulatedEntity { EntityId = "light.desk", Name = "Desk Lamp", AreaId = "office_id", State = "off" });
        await Eventually.TrueAsync(() => env.Client.Model.Snapshot.Entity("light.desk") is { AreaId: "office_id" });

        var reply = await env.Conversation.HandleAsync("switch on the desk lamp", "Kitchen", CancellationToken.None);
        Assert.True(Assert.Single(reply.Actions).Succeeded);
        Assert.Equal("on", env.Emulator.Home.Entity("light.desk")!.State);
    }

    [Fact]
    public async Task Registries_aliases_and_areas_are_loaded_from_home_assistant()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();
        var snapshot = env.Client.Model.Snapshot;

        Assert.Equal(107, snapshot.Entities.Count);
        Assert.Equal(8, snapshot.Areas.Count);
        Assert.Equal(5, snapshot.Floors.Count);
        Assert.Equal(["Trader Joes"], snapshot.Entity("todo.trader_joes")!.Aliases);
        Assert.Equal("curtain", snapshot.Entity("cover.curtain_left")!.DeviceClass);
        Assert.Equal("living_room_id", snapshot.Entity("cover.curtain_left")!.AreaId);
    }
}
