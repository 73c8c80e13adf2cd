namespace Jarvis.Server.Tests.Hub;

/// <summary>
/// The one test-support way to the server's secrets: a fresh state directory per test server and a known API token
/// (<see cref="ApiToken"/>) and Home Assistant MQTT password, so that tests call /api/* and the broker as a user would.
/// </summary>
internal static class TestState
{
    /// <summary>The API token every test server is configured with (48 hex characters, as the server generates).</summary>
    public const string ApiToken = "5d0c3f6a9b2e47d18c4f7a2b9e1d3c5f8a7b6e4d2c1f9a3b";

    /// <summary>Home Assistant's password at every test server's embedded broker.</summary>
    public const string HomeAssistantPassword = "c8e1f4a7b2d5e9c3f6a1b4d7e2c5f8a3b6d9e1c4f7a2b5d8";

    /// <summary>
    /// A hello timeout for tests whose satellites must be welcomed even on a heavily loaded machine (the test server's
    /// default of 2 s is for the handshake-timeout test).
    /// </summary>
    public const string PatientHelloTimeout = "00:00:15";

    public static Dictionary<string, string?> PatientHello() => new() { ["Satellites:HelloTimeout"] = PatientHelloTimeout };

    /// <summary>A new, empty state directory under the temporary folder.</summary>
    public static string NewDirectory() => Directory.CreateTempSubdirectory("jarvis-state-").FullName;

    /// <summary>Adds the state directory, API token and Home Assistant password (unless the test set its own).</summary>
    public static IDictionary<string, string?> Apply(IDictionary<string, string?> settings, string stateDirectory)
    {
        settings.TryAdd("State:Directory", stateDirectory);
        settings.TryAdd("Api:Token", ApiToken);
        settings.TryAdd("Mqtt:HomeAssistantPassword", HomeAssistantPassword);
        return settings;
    }

    /// <summary>The same as command-line arguments, for tests that build the server with <c>ServerApp.Build(args)</c>.</summary>
    public static string[] Arguments(params string[] args) =>
        [.. args, $"--State:Directory={NewDirectory()}", $"--Api:Token={ApiToken}", $"--Mqtt:HomeAssistantPassword={HomeAssistantPassword}", "--Discovery:Enabled=false"];

    /// <summary>An HTTP client that sends the API token.</summary>
    public static HttpClient ApiClient(Uri baseUri)
    {
        var http = new HttpClient { BaseAddress = baseUri };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiToken);
        return http;
    }
}
