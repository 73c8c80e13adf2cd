using Jarvis.Server.Mqtt;
using Jarvis.Server.Security;
using Jarvis.Server.Tests.Hub;

namespace Jarvis.Server.Tests.Security;

/// <summary>What a fresh install generates: the API token and the MQTT accounts, private files, shown once, never logged.</summary>
public sealed class FirstStartSecretsTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_first_start_generates_private_secrets_shows_them_once_and_never_logs_them()
    {
        string apiToken;
        string state;
        await using (var server = await HubTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Api:Token"] = "",
            ["Mqtt:HomeAssistantPassword"] = "",
            ["Logging:LogLevel:Default"] = "Trace",
        }))
        {
            state = server.StateDirectory;
            apiToken = File.ReadAllText(Path.Combine(state, ApiToken.FileName)).Trim();
            var haPassword = File.ReadAllText(Path.Combine(state, MqttAccounts.HomeAssistantPasswordFile)).Trim();

            Assert.Null(TokenStrength.Problem(apiToken));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(state));
            Assert.All(Directory.GetFiles(state), f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
            Assert.Equal(2, server.Notices.Shown.Count);
            Assert.Contains(server.Notices.Shown, n => n.Contains(apiToken, StringComparison.Ordinal));
            Assert.Contains(server.Notices.Shown, n => n.Contains(haPassword, StringComparison.Ordinal) && n.Contains("Add integration > MQTT", StringComparison.Ordinal));
            Assert.DoesNotContain(server.Errors.All, line => line.Contains(apiToken, StringComparison.Ordinal) || line.Contains(haPassword, StringComparison.Ordinal));

            using var http = new HttpClient { BaseAddress = server.BaseUri };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiToken);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/api/status")).StatusCode);
            var pages = await http.GetStringAsync("/api/status") + await http.GetStringAsync("/metrics") + await http.GetStringAsync("/");
            Assert.DoesNotContain(apiToken, pages, StringComparison.Ordinal);
            Assert.DoesNotContain(haPassword, pages, StringComparison.Ordinal);
        }
    }
}
