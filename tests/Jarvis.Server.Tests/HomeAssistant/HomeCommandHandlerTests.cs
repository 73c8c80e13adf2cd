using Jarvis.Server.Answering;
using Jarvis.Server.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace Jarvis.Server.Tests.HomeAssistant;

/// <summary>The speech pipeline's home-command seam is served by the Home Assistant engine.</summary>
public sealed class HomeCommandHandlerTests
{
    [Fact]
    public async Task Pipeline_home_commands_run_through_home_assistant()
    {
        await using var env = await HomeAssistantTestEnvironment.StartAsync();
        env.Emulator.Home.Mutate("light.kitchen_ceiling", e => e.State = "off", "test");
        var handler = env.Host.Services.GetRequiredService<IHomeCommandHandler>();

        var result = await handler.HandleAsync("turn on the lights", "Kitchen", CancellationToken.None);

        Assert.True(result.Handled, result.SpokenReply);
        Assert.Equal("on", env.Emulator.Home.Entity("light.kitchen_ceiling")!.State);
    }

    [Fact]
    public async Task Without_home_assistant_configured_the_server_says_home_control_is_not_set_up()
    {
        await using var app = Jarvis.Server.Hosting.ServerApp.Build(["--urls=http://127.0.0.1:0"]);
        var handler = app.Services.GetRequiredService<IHomeCommandHandler>();

        var result = await handler.HandleAsync("turn on the lights", "Kitchen", CancellationToken.None);

        Assert.False(result.Handled);
        Assert.Contains("isn't set up", result.SpokenReply);
    }
}
