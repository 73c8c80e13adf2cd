using System.Text.Json;
using System.Text.RegularExpressions;
using Jarvis.Server.Tests.Hub;

namespace Jarvis.Server.Tests.Mqtt;

/// <summary>Discovery payloads as Home Assistant documents them (MQTT discovery: topic, unique_id, device, availability).</summary>
public sealed partial class HomeAssistantDiscoveryTests : IAsyncLifetime
{
    private readonly MosquittoBroker _broker = new();

    public Task InitializeAsync() => _broker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task Each_satellite_is_a_device_with_a_mute_switch_a_status_sensor_and_an_active_conversation_sensor()
    {
        await using var probe = await MqttProbe.ConnectAsync(_broker.Port, "homeassistant/#", "jarvis/#");
        await using var server = await HubTestServer.StartAsync(
            new Dictionary<string, string?> { ["Mqtt:Mode"] = "External", ["Mqtt:Host"] = "127.0.0.1" }, mqttPort: _broker.Port);

        await Eventually.TrueAsync(() => Configs(probe).Count == 9, "three configs per satellite are published");

        var configs = Configs(probe);
        foreach (var (topic, payload) in configs)
        {
            var match = ConfigTopic().Match(topic);
            Assert.True(match.Success, $"{topic} is <discovery_prefix>/<component>/<node_id>/<object_id>/config");
            using var json = JsonDocument.Parse(payload);
            var config = json.RootElement;
            var component = match.Groups["component"].Value;

            Assert.False(string.IsNullOrWhiteSpace(config.GetProperty("unique_id").GetString()));
            Assert.StartsWith("jarvis/satellite/", config.GetProperty("state_topic").GetString(), StringComparison.Ordinal);
            Assert.Equal(component == "switch", config.TryGetProperty("command_topic", out _));
            var device = config.GetProperty("device");
            Assert.Contains(match.Groups["node"].Value, device.GetProperty("identifiers").EnumerateArray().Select(i => i.GetString()));
            Assert.False(string.IsNullOrWhiteSpace(device.GetProperty("name").GetString()));
            var availability = config.GetProperty("availability").EnumerateArray().Select(a => a.GetProperty("topic").GetString()!).ToArray();
            Assert.Contains("jarvis/server/status", availability);
            Assert.All(availability, t => Assert.NotNull(probe.Latest(t)));
        }

        Assert.Equal(9, configs.Select(c => JsonDocument.Parse(c.Payload).RootElement.GetProperty("unique_id").GetString()).Distinct().Count());
        Assert.Equal(3, configs.Select(c => ConfigTopic().Match(c.Topic).Groups["node"].Value).Distinct().Count());
        Assert.Equal(["binary_sensor", "sensor", "switch"], configs.Select(c => ConfigTopic().Match(c.Topic).Groups["component"].Value).Distinct().Order());
    }

    private static List<(string Topic, string Payload)> Configs(MqttProbe probe) =>
        // The satellites' configs; each room's announcement notify target is tested in DiscoverySchemaTests.
        probe.Received.Where(m => m.Topic.StartsWith("homeassistant/", StringComparison.Ordinal) && !m.Topic.StartsWith("homeassistant/notify/", StringComparison.Ordinal))
            .GroupBy(m => m.Topic).Select(g => (g.Key, g.Last().Payload)).ToList();

    [GeneratedRegex("^homeassistant/(?<component>switch|sensor|binary_sensor)/(?<node>[a-zA-Z0-9_-]+)/(?<object>[a-zA-Z0-9_-]+)/config$")]
    private static partial Regex ConfigTopic();
}
