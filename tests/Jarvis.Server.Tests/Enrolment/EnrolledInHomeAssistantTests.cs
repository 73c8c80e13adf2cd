using System.Net.Http.Json;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Protocol.Mqtt;
using Jarvis.Protocol.Mqtt.Discovery;
using Jarvis.Server.Announcements;
using Jarvis.Server.Satellites;
using Jarvis.Server.Tests.Hub;

namespace Jarvis.Server.Tests.Enrolment;

/// <summary>
/// A satellite the owner approves on the status page is in Home Assistant at once, like a configured one (mute switch, status and
/// conversation sensors, the room's notify entity), answers Home Assistant's mute, and leaves Home Assistant when it is removed.
/// </summary>
public sealed class EnrolledInHomeAssistantTests
{
    private static readonly string GarageToken = HubTestServer.TokenOf("garage");
    private static readonly MqttTopics Topics = new();

    [Fact]
    public async Task An_approved_satellite_appears_in_Home_Assistant_is_muted_from_there_and_disappears_when_removed()
    {
        await using var server = await HubTestServer.StartAsync(TestState.PatientHello());
        await using var homeAssistant = await server.HomeAssistantProbeAsync("homeassistant/#", "jarvis/satellite/#");
        var configs = SatelliteDiscovery.For(Topics, new SatelliteDevice("garage-pi", "garage")).Select(c => c.Topic).ToArray();
        var notify = NotifyDiscovery.For(Topics, "test-server", "garage").Topic;
        Assert.Equal(3, configs.Length);

        await using var garage = await SimulatedSatellite.ConnectAsync(server.LinkUri, "garage", GarageToken, "garage-pi");
        await Eventually.TrueAsync(() => garage.Last<PendingMessage>() is not null, "the satellite is told to wait");
        Assert.All(configs, topic => Assert.Null(homeAssistant.Latest(topic)));

        using var http = server.ApiClient();
        (await http.PostAsJsonAsync("/api/satellites/garage-pi/approve", new { })).EnsureSuccessStatusCode();
        await garage.WaitWelcomedAsync();

        await Eventually.TrueAsync(
            () => configs.All(topic => homeAssistant.Latest(topic) is { Length: > 0 }) && homeAssistant.Latest(notify) is { Length: > 0 },
            "the approved satellite's entities and its room's notify entity are published");
        await Eventually.TrueAsync(() => homeAssistant.Latest(Topics.SatelliteStatus("garage-pi")) == "online", "it is online in Home Assistant");

        await homeAssistant.PublishAsync(Topics.SatelliteMuteSet("garage-pi"), "ON");
        await Eventually.TrueAsync(() => server.Get<SatelliteRegistry>().ByRoom("garage") is { Muted: true }, "Home Assistant's mute reaches the satellite");
        await Eventually.TrueAsync(() => homeAssistant.Latest(Topics.SatelliteMute("garage-pi")) == "ON", "the mute switch shows it");

        (await http.DeleteAsync("/api/satellites/garage-pi")).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(
            () => configs.Append(notify).Append(Topics.SatelliteStatus("garage-pi")).All(topic => homeAssistant.Latest(topic) == ""),
            "the removed satellite's entities are withdrawn (empty retained payloads)");
    }
}
