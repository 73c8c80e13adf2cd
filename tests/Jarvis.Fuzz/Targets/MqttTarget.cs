using System.Text;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Protocol.Mqtt;

namespace Jarvis.Fuzz.Targets;

/// <summary>
/// What the server reads from the broker: the topic (<see cref="MqttTopics.TryParse"/>) and every payload reader
/// (<see cref="MqttJson"/>, <see cref="MqttPayloads"/>). None of them throws: bad input is null or false.
/// Input: the topic, a 0 byte, then the payload.
/// </summary>
internal sealed class MqttTarget : FuzzTarget
{
    private static readonly MqttTopics Topics = new();

    public override string Name => "mqtt";

    public override string Description => "MQTT topic and payload readers (Jarvis.Protocol/Mqtt)";

    public override IReadOnlyList<string> InstrumentedAssemblies { get; } = ["Jarvis.Protocol.dll"];

    public override void Run(ReadOnlySpan<byte> input)
    {
        var split = input.IndexOf((byte)0);
        var topic = split < 0 ? input : input[..split];
        var payload = split < 0 ? [] : input[(split + 1)..];

        if (Topics.TryParse(Encoding.UTF8.GetString(topic), out var parsed) && parsed.Kind != MqttTopicKind.ServerStatus
            && parsed.Kind != MqttTopicKind.ActiveConversation && parsed.Id is null)
        {
            throw new FuzzDefectException($"topic of kind {parsed.Kind} parsed without its id");
        }

        if (MqttJson.ParseArbitrationClaim(payload) is { } claim && (claim.Score is < 0 or > 1 || claim.Room is null))
        {
            throw new FuzzDefectException("an invalid claim was accepted");
        }

        if (MqttJson.ParseActiveConversation(payload) is { } active)
        {
            _ = active.IsActive;
        }

        if (MqttJson.ParseSatelliteState(payload) is { } state)
        {
            _ = MqttJson.Serialize(state);
        }

        MqttPayloads.TryParseOnOff(payload, out _);
        MqttPayloads.TryParseStatus(payload, out _);
    }

    public override IEnumerable<(string Name, byte[] Data)> Seeds()
    {
        var since = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
        yield return ("claim", With(Topics.ArbitrationClaim("kitchen"), MqttJson.Serialize(new ArbitrationClaim("wake-1", "kitchen", "kitchen-1", 0.82, since, "jarvis-a"))));
        yield return ("active", With(Topics.ActiveConversation, MqttJson.Serialize(new ActiveConversation(since, "den", "den-1", "conv-3"))));
        yield return ("idle", With(Topics.ActiveConversation, MqttJson.Serialize(ActiveConversation.None(since))));
        yield return ("mute-set", With(Topics.SatelliteMuteSet("den-1"), "ON"u8.ToArray()));
        yield return ("status", With(Topics.SatelliteStatus("den-1"), "offline"u8.ToArray()));
        yield return ("state", With(Topics.SatelliteState("den-1"), MqttJson.Serialize(new SatelliteStateEvent("den-1", "den", LedState.Speaking, true, true, since))));
    }

    private static byte[] With(string topic, byte[] payload) => [.. Encoding.UTF8.GetBytes(topic), 0, .. payload];
}
