using Jarvis.Protocol.Mqtt;
using Jarvis.Server.Mqtt;
using Jarvis.Server.Mqtt.Broker;

namespace Jarvis.Server.Tests.Security;

public sealed class MqttAccessPolicyTests
{
    private readonly MqttAccessPolicy _policy = new(new MqttTopics());

    [Theory]
    [InlineData(MqttRole.Server, "jarvis/satellite/kitchen-pi/state", true, true)]
    [InlineData(MqttRole.Server, "jarvis/arbitration/claim/kitchen", false, true)]
    [InlineData(MqttRole.Server, "homeassistant/switch/jarvis_kitchen-pi/mute/config", true, true)]
    [InlineData(MqttRole.Server, "other/topic", false, false)]
    [InlineData(MqttRole.Server, "jarvis", false, false)]
    [InlineData(MqttRole.HomeAssistant, "jarvis/satellite/kitchen-pi/mute/set", false, true)]
    [InlineData(MqttRole.HomeAssistant, "jarvis/satellite/kitchen-pi/mute/set", true, false)]
    [InlineData(MqttRole.HomeAssistant, "homeassistant/status", true, true)]
    [InlineData(MqttRole.HomeAssistant, "jarvis/arbitration/claim/attic", false, false)]
    [InlineData(MqttRole.HomeAssistant, "jarvis/satellite/kitchen-pi/status", true, false)]
    [InlineData(MqttRole.HomeAssistant, "jarvis/satellite/kitchen-pi/mute", true, false)]
    [InlineData(MqttRole.HomeAssistant, "homeassistant/switch/jarvis_kitchen-pi/mute/config", true, false)]
    [InlineData(MqttRole.HomeAssistant, "jarvis/satellite/+/mute/set", false, false)]
    [InlineData(MqttRole.HomeAssistant, "jarvis/announce", false, true)]
    [InlineData(MqttRole.HomeAssistant, "jarvis/announce", true, false)]
    [InlineData(MqttRole.HomeAssistant, "jarvis/room/kitchen/notify", false, true)]
    [InlineData(MqttRole.HomeAssistant, "jarvis/room/+/notify", false, false)]
    [InlineData(MqttRole.HomeAssistant, "jarvis/announce/answer", false, false)]
    [InlineData(MqttRole.HomeAssistant, "jarvis/timer/a1b2/state", true, false)]
    public void Each_role_publishes_only_its_topics(MqttRole role, string topic, bool retain, bool allowed) =>
        Assert.Equal(allowed, _policy.Refusal(role, topic, retain) is null);
}
