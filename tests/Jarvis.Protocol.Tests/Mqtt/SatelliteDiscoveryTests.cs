using System.Text.Json;
using Jarvis.Protocol.Mqtt;
using Jarvis.Protocol.Mqtt.Discovery;

namespace Jarvis.Protocol.Tests.Mqtt;

public sealed class SatelliteDiscoveryTests
{
    private readonly MqttTopics _topics = new();
    private readonly SatelliteDevice _satellite = new("living_room-1", "living_room", "ReSpeaker 2-Mics HAT", "0.3.0");

    [Fact]
    public void A_satellite_gets_a_mute_switch_a_status_sensor_and_a_conversation_binary_sensor()
    {
        var messages = SatelliteDiscovery.For(_topics, _satellite);

        Assert.Equal(
            ["homeassistant/switch/jarvis_living_room-1/mute/config",
             "homeassistant/sensor/jarvis_living_room-1/status/config",
             "homeassistant/binary_sensor/jarvis_living_room-1/conversation/config"],
            messages.Select(m => m.Topic));
        Assert.Equal(messages.Select(m => m.Topic), SatelliteDiscovery.ConfigTopics(_topics, "living_room-1"));
    }

    [Fact]
    public void The_mute_switch_payload_has_topics_unique_id_device_and_availability()
    {
        using var json = JsonDocument.Parse(SatelliteDiscovery.For(_topics, _satellite, new HaOrigin("Jarvis", "1.0"))[0].Payload);
        var root = json.RootElement;

        Assert.Equal("Mute", root.GetProperty("name").GetString());
        Assert.Equal("jarvis_living_room-1_mute", root.GetProperty("unique_id").GetString());
        Assert.Equal("jarvis/satellite/living_room-1/mute", root.GetProperty("state_topic").GetString());
        Assert.Equal("jarvis/satellite/living_room-1/mute/set", root.GetProperty("command_topic").GetString());
        Assert.Equal("ON", root.GetProperty("payload_on").GetString());
        Assert.Equal("OFF", root.GetProperty("payload_off").GetString());
        Assert.False(root.GetProperty("optimistic").GetBoolean());
        Assert.Equal("all", root.GetProperty("availability_mode").GetString());
        var availability = root.GetProperty("availability").EnumerateArray().ToList();
        Assert.Equal("jarvis/server/status", availability[0].GetProperty("topic").GetString());
        Assert.Equal("jarvis/satellite/living_room-1/status", availability[1].GetProperty("topic").GetString());
        Assert.Equal("online", availability[1].GetProperty("payload_available").GetString());
        Assert.Equal("offline", availability[1].GetProperty("payload_not_available").GetString());
        var device = root.GetProperty("device");
        Assert.Equal("jarvis_living_room-1", device.GetProperty("identifiers")[0].GetString());
        Assert.Equal("Jarvis Living Room 1", device.GetProperty("name").GetString());
        Assert.Equal("Living Room", device.GetProperty("suggested_area").GetString());
        Assert.Equal("ReSpeaker 2-Mics HAT", device.GetProperty("model").GetString());
        Assert.Equal("0.3.0", device.GetProperty("sw_version").GetString());
        Assert.Equal("Jarvis", root.GetProperty("origin").GetProperty("name").GetString());
    }

    [Fact]
    public void The_status_sensor_reads_the_led_state_and_the_binary_sensor_the_conversation_topic()
    {
        var messages = SatelliteDiscovery.For(_topics, _satellite);
        using var status = JsonDocument.Parse(messages[1].Payload);
        using var conversation = JsonDocument.Parse(messages[2].Payload);

        Assert.Equal("jarvis/satellite/living_room-1/state", status.RootElement.GetProperty("state_topic").GetString());
        Assert.Equal("{{ value_json.led }}", status.RootElement.GetProperty("value_template").GetString());
        Assert.Equal("jarvis/satellite/living_room-1/conversation", conversation.RootElement.GetProperty("state_topic").GetString());
        Assert.Equal("ON", conversation.RootElement.GetProperty("payload_on").GetString());
        Assert.False(status.RootElement.TryGetProperty("origin", out _)); // nulls are omitted
    }

    [Fact]
    public void Unique_ids_differ_and_the_device_block_is_shared()
    {
        var documents = SatelliteDiscovery.For(_topics, _satellite).Select(m => JsonDocument.Parse(m.Payload)).ToList();

        Assert.Equal(3, documents.Select(d => d.RootElement.GetProperty("unique_id").GetString()).Distinct().Count());
        Assert.Single(documents.Select(d => d.RootElement.GetProperty("device").GetRawText()).Distinct());
        documents.ForEach(d => d.Dispose());
    }

    [Fact]
    public void An_invalid_satellite_id_is_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => SatelliteDiscovery.For(_topics, _satellite with { SatelliteId = "Living Room" }));
    }
}
