using System.Buffers;
using System.Text;
using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Protocol.Tests.Link;

public sealed class LinkMessageRoundTripTests
{
    [Theory]
    [MemberData(nameof(LinkSamples.Indexes), MemberType = typeof(LinkSamples))]
    public void Every_control_message_round_trips(int index)
    {
        var (message, sender) = LinkSamples.All[index];
        var writer = new ArrayBufferWriter<byte>();
        LinkMessageWriter.Write(message, writer);

        var result = new LinkMessageReader(LinkSamples.Other(sender)).Read(LinkFrameType.Text, writer.WrittenSpan);

        Assert.Equal(LinkReadKind.Control, result.Kind);
        Assert.IsType(message.GetType(), result.Message);
        Assert.Equal(LinkMessageWriter.ToJson(message), LinkMessageWriter.ToJson(result.Message!));
        if (message is not (HelloMessage or LinkStatsMessage))
        {
            Assert.Equal(message, result.Message); // records without list members compare by value
        }
    }

    [Fact]
    public void Every_known_type_has_a_sample()
    {
        var sampled = LinkSamples.All.Select(s => s.Message.GetType()).ToHashSet();
        var declared = typeof(LinkMessage).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(LinkMessage))).ToHashSet();

        Assert.Equal(declared.OrderBy(t => t.Name), sampled.OrderBy(t => t.Name));
    }

    [Fact]
    public void Hello_is_snake_case_json_with_the_type_first()
    {
        var json = LinkMessageWriter.ToJson(LinkSamples.All[0].Message);

        Assert.StartsWith("""{"type":"hello","protocol_version":1,"satellite_id":"kitchen-1","room":"kitchen",""", json);
        Assert.Contains("\"capabilities\":{\"sample_rates\":[16000,48000],\"codecs\":[\"opus\",\"pcm16\"],\"has_speaker\":true,\"led_kind\":\"apa102_ring\",", json);
    }

    [Fact]
    public void The_type_may_come_after_the_other_fields_and_unknown_fields_are_ignored()
    {
        var json = """{"level":0.5,"future_field":{"x":[1,2]},"type":"volume"}"""u8;

        var result = new LinkMessageReader(LinkPeer.Satellite).Read(LinkFrameType.Text, json);

        Assert.Equal(new VolumeMessage(0.5), result.Message);
    }

    [Fact]
    public void Hello_hides_its_token_from_logs()
    {
        var text = LinkSamples.All[0].Message.ToString();

        Assert.DoesNotContain("s3cr3t", text);
        Assert.Contains("kitchen-1", text);
    }

    [Fact]
    public void Writer_output_is_utf8_of_the_json_string()
    {
        var message = new ErrorMessage("backend_unavailable", "PersonaPlex ist nicht erreichbar – später");

        Assert.Equal(Encoding.UTF8.GetBytes(LinkMessageWriter.ToJson(message)), LinkMessageWriter.ToUtf8(message));
    }

    [Fact]
    public void Stats_json_carries_only_the_counters()
    {
        var stats = (LinkStatsMessage)LinkSamples.All.Single(s => s.Message is LinkStatsMessage).Message;

        Assert.Equal(
            """{"type":"stats","uplink_frames_sent":500,"downlink_frames_received":480,"downlink_frames_lost":3,"downlink_frames_late":1,"jitter_ms":4.5,"jitter_buffer_ms":60,"jitter_buffer_target_ms":60,"jitter_buffer_underruns":2,"jitter_buffer_overruns":0,"capture_overruns":0}""",
            LinkMessageWriter.ToJson(stats));
        Assert.Equal(3.0 / 483, stats.DownlinkLossRatio, 6);
    }
}
