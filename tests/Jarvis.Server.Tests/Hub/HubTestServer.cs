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

    private HubTestServer(WebApplication app, Uri baseUri, int mqttPort, ErrorLogCollector errors)
    {
        Errors = errors;
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

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public static string TokenOf(string room) => $"token-for-{room}-0123456789";

    public static async Task<HubTestServer> StartAsync(
        IDictionary<string, string?>? overrides = null, int? httpPort = null, int? mqttPort = null, string[]? rooms = null)
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

        var errors = new ErrorLogCollector();
        var app = ServerApp.Build(settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray(),
            services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(errors));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HubTestServer(app, new Uri(address), port, errors);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await App.StopAsync(timeout.Token).ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
        Assert.True(Errors.Errors.IsEmpty, $"The server logged errors:{Environment.NewLine}{string.Join(Environment.NewLine, Errors.Errors)}");
    }
}
