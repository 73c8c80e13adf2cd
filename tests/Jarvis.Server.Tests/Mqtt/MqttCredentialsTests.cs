using Jarvis.Server.Mqtt;
using Jarvis.Server.Tests.Hub;

namespace Jarvis.Server.Tests.Mqtt;

public sealed class MqttCredentialsTests : IAsyncLifetime
{
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
    public async Task The_embedded_broker_admits_only_the_configured_account()
    {
        await using var server = await HubTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Mqtt:Username"] = "homeassistant",
            ["Mqtt:Password"] = "embedded-password",
        });
        await Eventually.TrueAsync(() => server.Get<MqttConnection>().IsConnected, "the server connects to its own broker");

        var refused = await Assert.ThrowsAnyAsync<Exception>(async () => await MqttProbe.ConnectAsync(server.MqttPort));
        Assert.Matches("BadUserNameOrPassword|NotAuthorized", refused.Message);
    }

    private static Dictionary<string, string?> Settings(string password) => new()
    {
        ["Mqtt:Mode"] = "External",
        ["Mqtt:Host"] = "127.0.0.1",
        ["Mqtt:Username"] = "jarvis",
        ["Mqtt:Password"] = password,
    };
}
