using System.Text;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Protocol.Mqtt;

namespace Jarvis.Protocol.Tests.Mqtt;

public sealed class MqttFuzzTests
{
    [Fact]
    public void Mutated_payloads_and_topics_never_throw()
    {
        var random = new Random(4242);
        var now = DateTimeOffset.UnixEpoch;
        byte[][] seeds =
        [
            MqttJson.Serialize(new ArbitrationClaim("w-1", "den", "den-1", 0.5, now, "server")),
            MqttJson.Serialize(new ActiveConversation(now, "den", "den-1", "c")),
            MqttJson.Serialize(new SatelliteStateEvent("den-1", "den", LedState.Speaking, true, true, now)),
            "ON"u8.ToArray(),
            "online"u8.ToArray(),
        ];
        var topics = new MqttTopics();
        string[] topicSeeds = ["jarvis/satellite/den/mute/set", "jarvis/arbitration/claim/den", "jarvis/server/status"];

        for (var i = 0; i < 20_000; i++)
        {
            var payload = (byte[])seeds[random.Next(seeds.Length)].Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                payload[random.Next(payload.Length)] ^= (byte)(1 << random.Next(8));
            }

            payload = payload[..random.Next(payload.Length + 1)];
            _ = MqttJson.ParseArbitrationClaim(payload);
            _ = MqttJson.ParseActiveConversation(payload);
            _ = MqttJson.ParseSatelliteState(payload);
            _ = MqttPayloads.TryParseOnOff(payload, out _);
            _ = MqttPayloads.TryParseStatus(payload, out _);

            var topic = Encoding.UTF8.GetBytes(topicSeeds[random.Next(topicSeeds.Length)]);
            topic[random.Next(topic.Length)] = (byte)random.Next(32, 127);
            _ = topics.TryParse(Encoding.UTF8.GetString(topic), out _);
        }
    }
}
