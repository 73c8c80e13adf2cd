using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Jarvis.Rig.Processes;

/// <summary>
/// The real <c>Jarvis.Server</c> as a process: a generated <c>jarvis.json</c> (named by <c>JARVIS_CONFIG</c>) with a fresh
/// state directory, a strong API token, enrolled satellites (one per room, strong tokens), its own HTTP and MQTT ports.
/// </summary>
public sealed class RigServer : IAsyncDisposable
{
    private readonly string _directory;

    private RigServer(string directory, Uri baseUri, string apiToken, ChildProcess process)
    {
        _directory = directory;
        BaseUri = baseUri;
        ApiToken = apiToken;
        Process = process;
        Api = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
    }

    public Uri BaseUri { get; }

    public Uri LinkUri => new($"ws://{BaseUri.Authority}/link/v1");

    public string ApiToken { get; }

    public ChildProcess Process { get; private set; }

    /// <summary>An HTTP client for <c>/api/*</c> (sends the API token).</summary>
    public HttpClient Api { get; }

    /// <summary>A room's satellite token: 64 hex characters (256 bits) derived from the room name.</summary>
    public static string TokenOf(string room) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"jarvis-rig-{room}")));

    /// <param name="rooms">Rooms with an enrolled satellite <c>{room}-pi</c>.</param>
    /// <param name="settings">Configuration keys (<c>PersonaPlex:Url</c>, <c>Rooms:WakeMode</c>…) written into jarvis.json.</param>
    public static RigServer Start(IEnumerable<string> rooms, IReadOnlyDictionary<string, string> settings)
    {
        var directory = Directory.CreateTempSubdirectory("jarvis-rig-server-").FullName;
        var state = Path.Combine(directory, "state");
        var port = FreePort();
        var apiToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var config = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["State:Directory"] = state,
            ["Api:Token"] = apiToken,
            ["Mqtt:Port"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mqtt:HomeAssistantPassword"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
            ["Satellites:HelloTimeout"] = "00:00:15",
            ["Discovery:Enabled"] = "false", // a rig server must not answer another test's mDNS search
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft"] = "Warning",
        };
        foreach (var room in rooms)
        {
            config[$"Satellites:Devices:{room}-pi:Room"] = room;
            config[$"Satellites:Devices:{room}-pi:Token"] = TokenOf(room);
        }

        foreach (var (key, value) in settings)
        {
            config[key] = value;
        }

        var file = Path.Combine(directory, "jarvis.json");
        File.WriteAllText(file, ToJson(config));
        return new RigServer(directory, new Uri($"http://127.0.0.1:{port}/"), apiToken, StartProcess(file));
    }

    /// <summary>Stops the server (SIGTERM, SIGKILL after 10 s) and starts it again with the same configuration and state.</summary>
    public async Task RestartAsync()
    {
        await Process.DisposeAsync().ConfigureAwait(false);
        Process = StartProcess(Path.Combine(_directory, "jarvis.json"));
    }

    /// <summary>Waits until <c>/health</c> answers (any status: a backend may still be warming up).</summary>
    public async Task WaitUpAsync(TimeSpan deadline, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        while (true)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"The server exited:{Environment.NewLine}{string.Join(Environment.NewLine, Process.Lines.TakeLast(40))}");
            }

            try
            {
                using var response = await Api.GetAsync(new Uri("/health", UriKind.Relative), timeout.Token).ConfigureAwait(false);
                return;
            }
            catch (HttpRequestException)
            {
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The server did not answer /health within {deadline.TotalSeconds:0} s:{Environment.NewLine}{string.Join(Environment.NewLine, Process.Lines.TakeLast(40))}");
            }

            await Task.Delay(100, timeout.Token).ConfigureAwait(false);
        }
    }

    /// <summary>The <c>/api/status</c> document.</summary>
    public async Task<JsonNode> StatusAsync(CancellationToken cancellationToken)
    {
        var json = await Api.GetStringAsync(new Uri("/api/status", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        return JsonNode.Parse(json) ?? throw new InvalidDataException("empty /api/status");
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Process.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static ChildProcess StartProcess(string config) =>
        ChildProcess.Start("server", BuiltPrograms.Server, [], new Dictionary<string, string>
        {
            ["JARVIS_CONFIG"] = config,
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["MALLOC_ARENA_MAX"] = "2", // as systemd/jarvis-server.service runs it (the soak measures its memory)
        });

    private static string ToJson(Dictionary<string, string> flat)
    {
        var root = new JsonObject();
        foreach (var (key, value) in flat)
        {
            var parts = key.Split(':');
            var node = root;
            foreach (var part in parts[..^1])
            {
                node = node[part] as JsonObject ?? (JsonObject)(node[part] = new JsonObject());
            }

            node[parts[^1]] = value;
        }

        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
