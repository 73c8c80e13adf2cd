using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Jarvis.Server.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Jarvis.Server.Tests.Hub;

/// <summary>The real server in-process on 127.0.0.1:0, with three enrolled satellites and its own broker port.</summary>
internal sealed class HubTestServer : IAsyncDisposable
{
    public static readonly string[] Rooms = ["kitchen", "hall", "office"];

    private bool _stopped;

    private HubTestServer(WebApplication app, Uri baseUri, int mqttPort, ErrorLogCollector errors, string stateDirectory, RecordingSecretNotice notices)
    {
        Errors = errors;
        StateDirectory = stateDirectory;
        Notices = notices;
        App = app;
        BaseUri = baseUri;
        MqttPort = mqttPort;
    }

    public WebApplication App { get; }

    public Uri BaseUri { get; }

    public int MqttPort { get; }

    /// <summary>Errors the server logged; disposing fails the test when there are any.</summary>
    public ErrorLogCollector Errors { get; }

    public Uri LinkUri => new($"ws://{BaseUri.Authority}/link/v1");

    /// <summary>The server's state directory (a fresh temporary one, deleted on dispose).</summary>
    public string StateDirectory { get; }

    /// <summary>Secrets the server would have printed once on the console.</summary>
    public RecordingSecretNotice Notices { get; }

    /// <summary>An HTTP client for this server that sends the API token (<see cref="TestState.ApiToken"/>).</summary>
    public HttpClient ApiClient() => TestState.ApiClient(BaseUri);

    /// <summary>An MQTT client at the embedded broker with Home Assistant's account.</summary>
    public Task<Mqtt.MqttProbe> HomeAssistantProbeAsync(params string[] filters) =>
        Mqtt.MqttProbe.ConnectAsAsync(MqttPort, "homeassistant", TestState.HomeAssistantPassword, filters);

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>The room's satellite token: 64 hex characters derived from the room name (random-looking, 256 bits).</summary>
    public static string TokenOf(string room) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"jarvis-test-{room}")));

    /// <param name="probe">The port probe of the reconnect loops (null: the real one).</param>
    public static Task<HubTestServer> StartAsync(
        IDictionary<string, string?>? overrides = null, int? httpPort = null, int? mqttPort = null, string[]? rooms = null,
        Jarvis.Server.Reconnect.IPortProbe? probe = null) =>
        StartAsync(overrides, httpPort, mqttPort, rooms, stateDirectory: null, probe);

    /// <summary>
    /// Stops this server keeping its state directory and port, for <see cref="StartAgainAsync"/> (a server restart); fails the
    /// test if it logged errors. Disposing this instance afterwards does nothing.
    /// </summary>
    public async Task StopAsync()
    {
        _stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await App.StopAsync(timeout.Token).ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
        Assert.True(Errors.Errors.IsEmpty, $"The server logged errors:{Environment.NewLine}{string.Join(Environment.NewLine, Errors.Errors)}");
    }

    /// <summary>The same server again after <see cref="StopAsync"/>: same port, same state directory (what it approved, its keys).</summary>
    public Task<HubTestServer> StartAgainAsync(IDictionary<string, string?>? overrides = null, string[]? rooms = null) =>
        StartAsync(overrides, BaseUri.Port, MqttPort, rooms, StateDirectory);

    private static async Task<HubTestServer> StartAsync(
        IDictionary<string, string?>? overrides, int? httpPort, int? mqttPort, string[]? rooms, string? stateDirectory,
        Jarvis.Server.Reconnect.IPortProbe? probe = null)
    {
        var port = mqttPort ?? FreePort.Next();
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{httpPort ?? 0}",
            ["Mqtt:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mqtt:ServerId"] = "test-server",
            ["Mqtt:ReconnectMaxDelay"] = "00:00:01",
            ["Satellites:HelloTimeout"] = "00:00:02",
            ["Satellites:PingInterval"] = "00:00:01",
            ["Rooms:WakeMode"] = "Vad",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Discovery:Enabled"] = "false",
        };
        foreach (var room in rooms ?? Rooms)
        {
            settings[$"Satellites:Devices:{room}-pi:Room"] = room;
            settings[$"Satellites:Devices:{room}-pi:Token"] = TokenOf(room);
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        stateDirectory ??= TestState.NewDirectory();
        TestState.Apply(settings, stateDirectory);
        var errors = new ErrorLogCollector();
        var notices = new RecordingSecretNotice();
        var app = ServerApp.Build(settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray(), services =>
        {
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(errors);
            services.AddSingleton<Jarvis.Server.Security.ISecretNotice>(notices);
            if (probe is not null)
            {
                services.AddSingleton(probe);
            }
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HubTestServer(app, new Uri(address), port, errors, stateDirectory, notices);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await App.StopAsync(timeout.Token).ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
        if (Directory.Exists(StateDirectory))
        {
            Directory.Delete(StateDirectory, recursive: true);
        }

        Assert.True(Errors.Errors.IsEmpty, $"The server logged errors:{Environment.NewLine}{string.Join(Environment.NewLine, Errors.Errors)}");
    }
}
