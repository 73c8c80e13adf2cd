using System.Text.Json;
using System.Text.Json.Nodes;
using Jarvis.Protocol.Mqtt;
using Jarvis.Server.Announcements;
using Jarvis.Server.Timers;
using Jarvis.Server.Timers.Grammar;

namespace Jarvis.Server.Tests.Announcements;

/// <summary>
/// The discovery payloads of timers (MQTT sensor) and rooms (MQTT notify) against Home Assistant's documented MQTT discovery
/// options (https://www.home-assistant.io/integrations/sensor.mqtt/, /integrations/notify.mqtt/, shared device options):
/// every key is a documented one with the documented type, and the required keys are there.
/// </summary>
public sealed class DiscoverySchemaTests
{
    private static readonly MqttTopics Topics = new();

    private static readonly Dictionary<string, JsonValueKind[]> Common = new(StringComparer.Ordinal)
    {
        ["availability"] = [JsonValueKind.Array], ["availability_mode"] = [JsonValueKind.String], ["availability_template"] = [JsonValueKind.String],
        ["availability_topic"] = [JsonValueKind.String], ["payload_available"] = [JsonValueKind.String], ["payload_not_available"] = [JsonValueKind.String],
        ["device"] = [JsonValueKind.Object], ["enabled_by_default"] = [JsonValueKind.True, JsonValueKind.False], ["encoding"] = [JsonValueKind.String],
        ["entity_category"] = [JsonValueKind.String], ["icon"] = [JsonValueKind.String], ["json_attributes_template"] = [JsonValueKind.String],
        ["json_attributes_topic"] = [JsonValueKind.String], ["name"] = [JsonValueKind.String, JsonValueKind.Null], ["object_id"] = [JsonValueKind.String],
        ["default_entity_id"] = [JsonValueKind.String], ["origin"] = [JsonValueKind.Object], ["qos"] = [JsonValueKind.Number], ["unique_id"] = [JsonValueKind.String],
        ["entity_picture"] = [JsonValueKind.String],
    };

    private static readonly Dictionary<string, JsonValueKind[]> Sensor = new(Common, StringComparer.Ordinal)
    {
        ["state_topic"] = [JsonValueKind.String], ["value_template"] = [JsonValueKind.String], ["device_class"] = [JsonValueKind.String],
        ["expire_after"] = [JsonValueKind.Number], ["force_update"] = [JsonValueKind.True, JsonValueKind.False], ["last_reset_value_template"] = [JsonValueKind.String],
        ["options"] = [JsonValueKind.Array], ["state_class"] = [JsonValueKind.String], ["suggested_display_precision"] = [JsonValueKind.Number],
        ["unit_of_measurement"] = [JsonValueKind.String],
    };

    private static readonly Dictionary<string, JsonValueKind[]> Notify = new(Common, StringComparer.Ordinal)
    {
        ["command_topic"] = [JsonValueKind.String], ["command_template"] = [JsonValueKind.String], ["retain"] = [JsonValueKind.True, JsonValueKind.False],
    };

    private static readonly Dictionary<string, JsonValueKind[]> Device = new(StringComparer.Ordinal)
    {
        ["configuration_url"] = [JsonValueKind.String], ["connections"] = [JsonValueKind.Array], ["hw_version"] = [JsonValueKind.String],
        ["identifiers"] = [JsonValueKind.Array, JsonValueKind.String], ["manufacturer"] = [JsonValueKind.String], ["model"] = [JsonValueKind.String],
        ["model_id"] = [JsonValueKind.String], ["name"] = [JsonValueKind.String], ["serial_number"] = [JsonValueKind.String],
        ["suggested_area"] = [JsonValueKind.String], ["sw_version"] = [JsonValueKind.String], ["via_device"] = [JsonValueKind.String],
    };

    private static readonly string[] SensorDeviceClasses = ["timestamp", "duration", "date", "enum"];

    [Fact]
    public void A_timer_sensor_has_only_documented_keys_of_the_documented_types()
    {
        var timer = new RoomTimer("a1b2c3d4e5f6", "kitchen", "pizza", new SpokenDuration(0, 5, 0), DateTimeOffset.UnixEpoch) { EndsAt = DateTimeOffset.UnixEpoch.AddMinutes(5) };
        var config = Parse(TimerDiscovery.Config(Topics, "test-server", timer));

        AssertSchema(config, Sensor, required: ["state_topic"]);
        Assert.Contains(config.GetProperty("device_class").GetString(), SensorDeviceClasses);
        Assert.Equal("homeassistant/sensor/jarvis_test-server/timer_a1b2c3d4e5f6/config", TimerDiscovery.ConfigTopic(Topics, "test-server", timer.Id));
        var state = Parse(TimerDiscovery.State(timer, DateTimeOffset.UnixEpoch));
        Assert.Equal("1970-01-01T00:05:00+00:00", state.GetProperty("ends_at").GetString());
        Assert.True(DateTimeOffset.TryParse(state.GetProperty("ends_at").GetString(), out _));
        Assert.Equal(300, state.GetProperty("seconds_left").GetInt32());
    }

    [Fact]
    public void A_paused_timer_has_no_end_time_so_home_assistant_shows_it_as_unknown()
    {
        var timer = new RoomTimer("a1b2c3d4e5f6", "kitchen", null, new SpokenDuration(0, 5, 0), DateTimeOffset.UnixEpoch) { PausedLeft = TimeSpan.FromSeconds(90) };

        var state = Parse(TimerDiscovery.State(timer, DateTimeOffset.UnixEpoch));

        Assert.Equal(JsonValueKind.Null, state.GetProperty("ends_at").ValueKind);
        Assert.True(state.GetProperty("paused").GetBoolean());
    }

    [Fact]
    public void A_room_notify_target_has_only_documented_keys_of_the_documented_types()
    {
        var (topic, payload) = NotifyDiscovery.For(Topics, "test-server", "living_room");
        var config = Parse(payload);

        AssertSchema(config, Notify, required: ["command_topic"]);
        Assert.Equal("homeassistant/notify/jarvis_test-server/announce_living_room/config", topic);
        Assert.Equal("jarvis/room/living_room/notify", config.GetProperty("command_topic").GetString());
        Assert.Equal("Announce Living Room", config.GetProperty("name").GetString());
    }

    private static JsonElement Parse(JsonObject json) => JsonDocument.Parse(json.ToJsonString()).RootElement;

    private static void AssertSchema(JsonElement config, Dictionary<string, JsonValueKind[]> schema, string[] required)
    {
        foreach (var property in config.EnumerateObject())
        {
            Assert.True(schema.TryGetValue(property.Name, out var kinds), $"'{property.Name}' is not a documented key");
            Assert.True(kinds.Contains(property.Value.ValueKind), $"'{property.Name}' is {property.Value.ValueKind}, documented as {string.Join('/', kinds)}");
        }

        foreach (var key in required)
        {
            Assert.True(config.TryGetProperty(key, out _), $"required key '{key}' is missing");
        }

        Assert.True(config.TryGetProperty("unique_id", out _), "a unique_id is needed for a device block");
        foreach (var property in config.GetProperty("device").EnumerateObject())
        {
            Assert.True(Device.TryGetValue(property.Name, out var kinds) && kinds.Contains(property.Value.ValueKind), $"device.{property.Name} is not documented as {property.Value.ValueKind}");
        }
    }
}
