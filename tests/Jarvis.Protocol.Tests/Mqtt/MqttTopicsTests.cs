using Jarvis.Protocol.Mqtt;

namespace Jarvis.Protocol.Tests.Mqtt;

public sealed class MqttTopicsTests
{
    private readonly MqttTopics _topics = new();

    [Fact]
    public void Default_topics_follow_the_documented_schema()
    {
        Assert.Equal("jarvis/server/status", _topics.ServerStatus);
        Assert.Equal("jarvis/satellite/kitchen-1/status", _topics.SatelliteStatus("kitchen-1"));
        Assert.Equal("jarvis/satellite/kitchen-1/mute", _topics.SatelliteMute("kitchen-1"));
        Assert.Equal("jarvis/satellite/kitchen-1/mute/set", _topics.SatelliteMuteSet("kitchen-1"));
        Assert.Equal("jarvis/satellite/kitchen-1/state", _topics.SatelliteState("kitchen-1"));
        Assert.Equal("jarvis/satellite/kitchen-1/conversation", _topics.SatelliteConversation("kitchen-1"));
        Assert.Equal("jarvis/conversation/active", _topics.ActiveConversation);
        Assert.Equal("jarvis/arbitration/claim/living_room", _topics.ArbitrationClaim("living_room"));
        Assert.Equal("jarvis/satellite/+/mute/set", _topics.AllMuteSetCommands);
        Assert.Equal("jarvis/arbitration/claim/+", _topics.AllArbitrationClaims);
        Assert.Equal("jarvis/satellite/+/status", _topics.AllSatelliteStatuses);
        Assert.Equal("homeassistant/switch/jarvis_den/mute/config", _topics.DiscoveryConfig("switch", "jarvis_den", "mute"));
    }

    [Fact]
    public void Prefixes_are_configurable_and_may_have_several_levels()
    {
        var topics = new MqttTopics("home/jarvis", "ha");

        Assert.Equal("home/jarvis/satellite/den/mute/set", topics.SatelliteMuteSet("den"));
        Assert.Equal("ha/sensor/jarvis_den/status/config", topics.DiscoveryConfig("sensor", "jarvis_den", "status"));
        Assert.True(topics.TryParse("home/jarvis/satellite/den/mute/set", out var parsed));
        Assert.Equal(new MqttTopic(MqttTopicKind.SatelliteMuteSet, "den"), parsed);
    }

    public static TheoryData<string, MqttTopicKind, string?> Topics => new()
    {
        { "jarvis/server/status", MqttTopicKind.ServerStatus, null },
        { "jarvis/satellite/den/status", MqttTopicKind.SatelliteStatus, "den" },
        { "jarvis/satellite/den/mute", MqttTopicKind.SatelliteMute, "den" },
        { "jarvis/satellite/den/mute/set", MqttTopicKind.SatelliteMuteSet, "den" },
        { "jarvis/satellite/den/state", MqttTopicKind.SatelliteState, "den" },
        { "jarvis/satellite/den/conversation", MqttTopicKind.SatelliteConversation, "den" },
        { "jarvis/conversation/active", MqttTopicKind.ActiveConversation, null },
        { "jarvis/arbitration/claim/living_room", MqttTopicKind.ArbitrationClaim, "living_room" },
        { "jarvis/announce", MqttTopicKind.Announce, null },
        { "jarvis/announce/answer", MqttTopicKind.AnnounceAnswer, null },
        { "jarvis/room/living_room/notify", MqttTopicKind.RoomNotify, "living_room" },
        { "jarvis/timer/a1b2c3/state", MqttTopicKind.TimerState, "a1b2c3" },
    };

    [Theory]
    [MemberData(nameof(Topics))]
    public void Every_topic_parses_back(string topic, MqttTopicKind kind, string? id)
    {
        Assert.True(_topics.TryParse(topic, out var parsed));
        Assert.Equal(new MqttTopic(kind, id), parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("jarvis")]
    [InlineData("jarvis/")]
    [InlineData("jarvisx/server/status")]
    [InlineData("other/server/status")]
    [InlineData("jarvis/satellite/Den/mute")]
    [InlineData("jarvis/satellite/+/mute")]
    [InlineData("jarvis/satellite//mute")]
    [InlineData("jarvis/satellite/den/mute/set/extra")]
    [InlineData("jarvis/satellite/den/volume")]
    [InlineData("jarvis/arbitration/claim")]
    [InlineData("jarvis/server/status/")]
    [InlineData("homeassistant/switch/jarvis_den/mute/config")]
    [InlineData("jarvis/room/Den/notify")]
    [InlineData("jarvis/announce/extra")]
    public void Foreign_or_invalid_topics_do_not_parse(string? topic)
    {
        Assert.False(_topics.TryParse(topic, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Kitchen")]
    [InlineData("a/b")]
    [InlineData("+")]
    [InlineData("#")]
    [InlineData("living room")]
    public void Building_a_topic_with_an_invalid_id_is_an_argument_error(string id)
    {
        Assert.Throws<ArgumentException>(() => _topics.SatelliteMute(id));
        Assert.Throws<ArgumentException>(() => _topics.ArbitrationClaim(id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/jarvis")]
    [InlineData("jarvis/")]
    [InlineData("jar//vis")]
    [InlineData("jarvis/#")]
    [InlineData("+")]
    public void Invalid_prefixes_are_refused(string prefix)
    {
        Assert.Throws<ArgumentException>(() => new MqttTopics(prefix));
        Assert.Throws<ArgumentException>(() => new MqttTopics(discoveryPrefix: prefix));
    }

    [Fact]
    public void Discovery_ids_are_checked()
    {
        Assert.Throws<ArgumentException>(() => _topics.DiscoveryConfig("switch", "jarvis den", "mute"));
        Assert.Throws<ArgumentException>(() => _topics.DiscoveryConfig("switch", "jarvis_den", "mu/te"));
    }
}
