using Jarvis.Server.HomeAssistant;
using Jarvis.Server.HomeAssistant.Client;
using Jarvis.Server.Tests.HomeAssistant.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jarvis.Server.Tests.HomeAssistant;

/// <summary>
/// Owns an emulated HA and a host running the Home Assistant feature against it; fails the test on logged errors
/// (except with a deliberately wrong token).
/// </summary>
public sealed class HomeAssistantTestEnvironment : IAsyncDisposable
{
    private readonly CollectingLoggerProvider _logs;
    private readonly bool _errorsExpected;

    private HomeAssistantTestEnvironment(HomeAssistantEmulator emulator, IHost host, CollectingLoggerProvider logs, bool errorsExpected)
    {
        Emulator = emulator;
        Host = host;
        _logs = logs;
        _errorsExpected = errorsExpected;
    }

    public HomeAssistantEmulator Emulator { get; }

    public IHost Host { get; }

    public HomeAssistantClient Client => Host.Services.GetRequiredService<HomeAssistantClient>();

    public IHomeEngine Conversation => Host.Services.GetRequiredService<IHomeEngine>();

    public BackgroundService Runner => Host.Services.GetServices<IHostedService>().OfType<BackgroundService>().Single();

    /// <summary>Starts the emulator and the feature; waits until the home is loaded (unless the token is meant to fail).</summary>
    /// <param name="settings">Settings that replace the test defaults (e.g. <c>HomeAssistant:ReconnectDelayMin</c>).</param>
    /// <param name="probe">The port probe of the reconnect loop (null: the real one).</param>
    public static async Task<HomeAssistantTestEnvironment> StartAsync(string? token = null, bool waitConnected = true, TimeProvider? time = null, EmulatedHome? home = null,
        IReadOnlyDictionary<string, string?>? settings = null, Jarvis.Server.Reconnect.IPortProbe? probe = null)
    {
        var emulator = await HomeAssistantEmulator.StartAsync(home);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HomeAssistant:Url"] = emulator.Url,
            ["HomeAssistant:Token"] = token ?? emulator.Token,
            ["HomeAssistant:ReconnectDelayMin"] = "00:00:00.050",
            ["HomeAssistant:ReconnectDelayMax"] = "00:00:00.200",
            ["HomeAssistant:ConfirmTimeout"] = "00:00:05",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        if (probe is not null)
        {
            builder.Services.AddSingleton(probe);
        }
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddHomeAssistant(builder.Configuration);
        var logs = new CollectingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        var host = builder.Build();
        await host.StartAsync();
        var environment = new HomeAssistantTestEnvironment(emulator, host, logs, errorsExpected: token is not null);
        if (waitConnected)
        {
            await Eventually.TrueAsync(() => environment.Client.Status.State == HomeAssistantConnectionState.Connected, because: "client connects to the emulator");
        }

        return environment;
    }

    /// <summary>Stops everything; fails the test if anything logged an error it did not expect.</summary>
    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        await Emulator.DisposeAsync();
        var errors = _logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        if (!_errorsExpected && errors.Count > 0)
        {
            Assert.Fail("unexpected errors logged:\n" + string.Join("\n", errors.Select(e => $"{e.Category}: {e.Message}")));
        }
    }
}
