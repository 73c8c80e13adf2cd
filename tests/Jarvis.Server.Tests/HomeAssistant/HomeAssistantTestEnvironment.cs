using Jarvis.Server.HomeAssistant;
using Jarvis.Server.HomeAssistant.Client;
using Jarvis.Server.Tests.HomeAssistant.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Jarvis.Server.Tests.HomeAssistant;

/// <summary>Owns an emulated HA and a host running the Home Assistant feature against it.</summary>
public sealed class HomeAssistantTestEnvironment : IAsyncDisposable
{
    private HomeAssistantTestEnvironment(HomeAssistantEmulator emulator, IHost host)
    {
        Emulator = emulator;
        Host = host;
    }

    public HomeAssistantEmulator Emulator { get; }

    public IHost Host { get; }

    public HomeAssistantClient Client => Host.Services.GetRequiredService<HomeAssistantClient>();

    public IHomeAssistantConversation Conversation => Host.Services.GetRequiredService<IHomeAssistantConversation>();

    public BackgroundService Runner => Host.Services.GetServices<IHostedService>().OfType<BackgroundService>().Single();

    /// <summary>Starts the emulator and the feature; waits until the home is loaded (unless the token is meant to fail).</summary>
    public static async Task<HomeAssistantTestEnvironment> StartAsync(string? token = null, bool waitConnected = true, TimeProvider? time = null)
    {
        var emulator = await HomeAssistantEmulator.StartAsync();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HomeAssistant:Url"] = emulator.Url,
            ["HomeAssistant:Token"] = token ?? emulator.Token,
            ["HomeAssistant:ReconnectDelayMin"] = "00:00:00.050",
            ["HomeAssistant:ReconnectDelayMax"] = "00:00:00.200",
            ["HomeAssistant:ConfirmTimeout"] = "00:00:05",
        });
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddHomeAssistant(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        var environment = new HomeAssistantTestEnvironment(emulator, host);
        if (waitConnected)
        {
            await Eventually.TrueAsync(() => environment.Client.Status.State == HomeAssistantConnectionState.Connected, because: "client connects to the emulator");
        }

        return environment;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        await Emulator.DisposeAsync();
    }
}
