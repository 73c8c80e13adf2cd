using Jarvis.Server.Mqtt;
using Jarvis.Server.Tests.Hub;

namespace Jarvis.Server.Tests.Mqtt;

public sealed class MqttCredentialsTests : IAsyncLifetime
{
    private const string EmbeddedPassword = "9b2e5c8f1a4d7b0e3c6f9a2d5b8e1c4f7a0d3b6e9c2f5a8d";

    private readonly MosquittoBroker _broker = new() { Username = "jarvis", Password = "s3cret-password" };

    public Task InitializeAsync() => _broker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task The_server_connects_to_an_external_broker_with_its_credentials()
    {
        await using var server = await HubTestServer.StartAsync(Settings("s3cret-password"), mqttPort: _broker.Port);

        await Eventually.TrueAsync(() => server.Get<MqttConnection>().IsConnected, "connected with the credentials");
    }

    [Fact]
    public async Task Wrong_credentials_are_reported_as_such_on_health()
    {
        await using var server = await HubTestServer.StartAsync(Settings("wrong-password"), mqttPort: _broker.Port);
        var connection = server.Get<MqttConnection>();

        await Eventually.TrueAsync(async () => (await connection.CheckAsync(CancellationToken.None)).Detail.Contains("credentials", StringComparison.Ordinal), "the readiness names the credentials");
        Assert.False(connection.IsConnected);
        Assert.Contains(server.Errors.Errors, e => e.Contains("check Mqtt:Username and Mqtt:Password", StringComparison.Ordinal));
        server.Errors.Errors.Clear();
    }

    [Fact]
    public async Task The_embedded_broker_admits_only_its_accounts_and_the_server_uses_the_configured_one()
    {
        // Changed by issue 12: in Embedded mode Mqtt:Username/Password is the server's own account; Home Assistant has its own.
        await using var server = await HubTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Mqtt:Username"] = "jarvis-main",
            ["Mqtt:Password"] = EmbeddedPassword,
        });
        await Eventually.TrueAsync(() => server.Get<MqttConnection>().IsConnected, "the server connects to its own broker");

        var refused = await Assert.ThrowsAnyAsync<Exception>(async () => await MqttProbe.ConnectAsync(server.MqttPort));
        Assert.Matches("BadUserNameOrPassword|NotAuthorized", refused.Message);
        await using var asServer = await MqttProbe.ConnectAsAsync(server.MqttPort, "jarvis-main", EmbeddedPassword, "jarvis/server/status");
        await Eventually.TrueAsync(() => asServer.Latest("jarvis/server/status") == "online", "the configured account works");
    }

    [Fact]
    public async Task A_weak_password_for_the_embedded_broker_is_refused_at_start()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => HubTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Mqtt:HomeAssistantPassword"] = "embedded-password",
        }));

        Assert.Contains("Mqtt:HomeAssistantPassword is refused", Jarvis.Server.Hosting.ConfigurationErrors.Describe(error), StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Settings(string password) => new()
    {
        ["Mqtt:Mode"] = "External",
        ["Mqtt:Host"] = "127.0.0.1",
        ["Mqtt:Username"] = "jarvis",
        ["Mqtt:Password"] = password,
    };
}
