using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.Mqtt;
using Jarvis.Server.Tests.Hub;
using Jarvis.Server.Tests.Mqtt;

namespace Jarvis.Server.Tests.Security;

/// <summary>The ACL file of docs/security.md on a real mosquitto: the server works, Home Assistant may only mute.</summary>
public sealed class ExternalMosquittoAclTests : IAsyncLifetime
{
    private const string ServerPassword = "6e1b4d7a0c3f6b9e2d5a8c1f4b7e0d3a6c9f2b5e8d1a4c7f";
    private const string HomeAssistantPassword = "2a5d8b1e4c7f0a3d6b9e2c5f8a1d4b7e0c3f6a9d2b5e8c1f";

    // The ACL exactly as docs/security.md gives it.
    private const string Acl = """
        user jarvis
        topic readwrite jarvis/#
        topic readwrite homeassistant/#

        user homeassistant
        topic read jarvis/#
        topic write jarvis/satellite/+/mute/set
        topic readwrite homeassistant/#
        """;

    private readonly MosquittoBroker _broker = new()
    {
        Username = "jarvis",
        Password = ServerPassword,
        Accounts = new Dictionary<string, string> { ["homeassistant"] = HomeAssistantPassword },
        Acl = Acl,
    };

    public Task InitializeAsync() => _broker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task With_the_documented_acl_the_server_works_and_home_assistant_can_only_mute()
    {
        await using var server = await HubTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Mqtt:Mode"] = "External",
            ["Mqtt:Host"] = "127.0.0.1",
            ["Mqtt:Username"] = "jarvis",
            ["Mqtt:Password"] = ServerPassword,
            ["Satellites:HelloTimeout"] = TestState.PatientHelloTimeout,
        }, mqttPort: _broker.Port);
        await Eventually.TrueAsync(() => server.Get<MqttConnection>().IsConnected, "the server connects with its account");
        await using var kitchen = await SimulatedSatellite.ConnectAsync(server.LinkUri, "kitchen");
        await kitchen.WaitWelcomedAsync();
        await using var watcher = await MqttProbe.ConnectAsAsync(_broker.Port, "jarvis", ServerPassword, "jarvis/#");

        var anonymous = await MosquittoClient.PublishAsync(_broker.Port, "jarvis/satellite/kitchen-pi/mute/set", "ON");
        var claim = await MosquittoClient.PublishAsync(_broker.Port, "jarvis/arbitration/claim/attic", "{}", "homeassistant", HomeAssistantPassword);
        var presence = await MosquittoClient.PublishAsync(_broker.Port, "jarvis/satellite/kitchen-pi/status", "evil", "homeassistant", HomeAssistantPassword, "127.0.0.1", "-r");
        var mute = await MosquittoClient.PublishAsync(_broker.Port, "jarvis/satellite/kitchen-pi/mute/set", "ON", "homeassistant", HomeAssistantPassword);

        Assert.NotEqual(0, anonymous.ExitCode);
        Assert.Equal(0, mute.ExitCode);
        await Eventually.TrueAsync(() => kitchen.Last<MuteMessage>() is { Muted: true }, "Home Assistant's mute reaches the satellite");
        Assert.True(claim.ExitCode == 0 && presence.ExitCode == 0, "mosquitto drops denied publishes silently");
        Assert.DoesNotContain(watcher.Received, m => m.Topic == "jarvis/arbitration/claim/attic" || m.Payload == "evil");
    }
}
