using Jarvis.Server.HomeAssistant;
using Microsoft.Extensions.DependencyInjection;

namespace Jarvis.Server.Tests.HomeAssistant;

/// <summary>The one seam between a turn and the home engine, served by Home Assistant; "configured?" is decided behind it.</summary>
public sealed class HomeEngineSeamTests
{
    [Fact]
    public async Task Home_commands_run_through_home_assistant_and_come_back_done()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();
        env.Emulator.Home.Mutate("light.kitchen_ceiling", e => e.State = "off", "test");

        var outcome = await env.Conversation.HandleAsync("turn on the lights", "Kitchen", CancellationToken.None);

        var done = Assert.IsType<HomeDone>(outcome);
        Assert.Equal("Done.", done.Confirmation);
        Assert.All(done.Actions, a => Assert.True(a.Succeeded, a.Error));
        Assert.Equal("on", env.Emulator.Home.Entity("light.kitchen_ceiling")!.State);
    }

    [Fact]
    public async Task Without_home_assistant_configured_a_home_command_says_what_to_set_and_anything_else_is_not_handled()
    {
        await using var app = Jarvis.Server.Hosting.ServerApp.Build(Hub.TestState.Arguments("--urls=http://127.0.0.1:0"));
        var engine = app.Services.GetRequiredService<IHomeEngine>();

        var command = await engine.HandleAsync("turn on the lights", "Kitchen", CancellationToken.None);
        var chat = await engine.HandleAsync("tell me a joke", "Kitchen", CancellationToken.None);

        var failed = Assert.IsType<HomeFailed>(command);
        Assert.Contains("isn't set up", failed.Speech);
        Assert.Contains("HomeAssistant:Url", failed.Speech);
        Assert.IsType<HomeNotHandled>(chat);
        Assert.False(chat.Handled);
        Assert.Equal("", chat.Speech);
    }

    [Fact]
    public async Task While_home_assistant_is_unreachable_a_home_command_is_told_so_and_chat_is_not_handled()
    {
        // Configured, but the home was never loaded (nothing answers on that port and the host is not even started).
        await using var app = Jarvis.Server.Hosting.ServerApp.Build(Hub.TestState.Arguments("--urls=http://127.0.0.1:0", "--HomeAssistant:Url=http://127.0.0.1:1", "--HomeAssistant:Token=token"));
        var engine = app.Services.GetRequiredService<IHomeEngine>();

        var command = await engine.HandleAsync("turn on the lights", "Kitchen", CancellationToken.None);
        var chat = await engine.HandleAsync("what is the capital of france", "Kitchen", CancellationToken.None);

        Assert.Equal("I can't reach Home Assistant right now.", Assert.IsType<HomeFailed>(command).Speech);
        Assert.IsType<HomeNotHandled>(chat);
    }
}
