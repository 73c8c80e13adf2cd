using System.Text;
using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Protocol.Tests.Link;

public sealed class LinkMessageReaderTests
{
    private readonly LinkMessageReader _server = new(LinkPeer.Server);

    [Fact]
    public void Unknown_message_types_are_ignored_and_counted()
    {
        var first = _server.Read(LinkFrameType.Text, """{"type":"hologram","beam":true}"""u8);
        Assert.Equal(LinkReadKind.Ignored, first.Kind);
        Assert.Equal("hologram", first.IgnoredType);

        _server.Read(LinkFrameType.Text, """{"type":"telepathy"}"""u8);

        Assert.Equal(2, _server.UnknownIgnored);
        Assert.Equal(0, _server.Rejected);
    }

    [Fact]
    public void Audio_frames_with_an_unknown_codec_or_direction_are_ignored_and_counted()
    {
        Assert.Equal(LinkReadKind.Ignored, _server.Read(LinkFrameType.Binary, [0x10, 0x09, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]).Kind);
        Assert.Equal(LinkReadKind.Ignored, _server.Read(LinkFrameType.Binary, [0x1F, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]).Kind);
        Assert.Equal(2, _server.UnknownIgnored);
    }

    [Theory]
    [InlineData("""{"type":"hello","protocol_version":2,"satellite_id":"a","room":"b","token":"t","capabilities":{"sample_rates":[16000],"codecs":["opus"],"has_speaker":true,"led_kind":"none","has_button":false,"has_echo_cancellation":false}}""", LinkCloseCodes.UnsupportedVersion)]
    [InlineData("""{"type":"hello","protocol_version":1,"satellite_id":"Bad/Id","room":"b","token":"t","capabilities":{"sample_rates":[16000],"codecs":["opus"],"has_speaker":true,"led_kind":"none","has_button":false,"has_echo_cancellation":false}}""", LinkCloseCodes.MalformedFrame)]
    [InlineData("""{"type":"hello","protocol_version":1,"satellite_id":"a","room":"b","token":"t","capabilities":{"sample_rates":[11025],"codecs":["opus"],"has_speaker":true,"led_kind":"none","has_button":false,"has_echo_cancellation":false}}""", LinkCloseCodes.MalformedFrame)]
    [InlineData("""{"type":"mute","muted":true}""", LinkCloseCodes.MalformedFrame)]
    [InlineData("""{"type":"mute","muted":true,"source":null}""", LinkCloseCodes.MalformedFrame)]
    [InlineData("""{"type":"mute","muted":true,"source":0}""", LinkCloseCodes.MalformedFrame)]
    [InlineData("""{"type":"mute","muted":true,"source":"laser"}""", LinkCloseCodes.MalformedFrame)]
    [InlineData("""{"type":"mute","muted":true,"muted":false,"source":"button"}""", LinkCloseCodes.MalformedFrame)]
    [InlineData("""{"type":"mute","type":"mute","muted":true,"source":"button"}""", LinkCloseCodes.MalformedFrame)]
    [InlineData("""{"type":"ping","t0":99999999999999999999999}""", LinkCloseCodes.MalformedFrame)]
    [InlineData("""{"type":"ping","t0":-1}""", LinkCloseCodes.MalformedFrame)]
    [InlineData("""{"type":"voice_activity","state":"start","score":1.5,"timestamp_us":1}""", LinkCloseCodes.MalformedFrame)]
    [InlineData("""{"type":"voice_activity","state":"start","score":0.5,"timestamp_us":1,"level_dbfs":3}""", LinkCloseCodes.MalformedFrame)]
    [InlineData("""{"type":"voice_level","level_dbfs":-20}""", LinkCloseCodes.MalformedFrame)]
    [InlineData("""{"type":"voice_level","level_dbfs":0.5,"timestamp_us":1}""", LinkCloseCodes.MalformedFrame)]
    [InlineData("""{"type":"voice_level","level_dbfs":-20,"timestamp_us":-1}""", LinkCloseCodes.MalformedFrame)]
    [InlineData("""{"type":"ping","t0":1} trailing""", LinkCloseCodes.MalformedFrame)]
    [InlineData("""{"type":7}""", LinkCloseCodes.MalformedFrame)]
    [InlineData("""{"no_type":true}""", LinkCloseCodes.MalformedFrame)]
    [InlineData("""[{"type":"ping","t0":1}]""", LinkCloseCodes.MalformedFrame)]
    [InlineData("""{"type":"ping",""", LinkCloseCodes.MalformedFrame)]
    [InlineData("", LinkCloseCodes.MalformedFrame)]
    [InlineData("""{"type":"error","code":"x","message":"\uD800"}""", LinkCloseCodes.MalformedFrame)]
    [InlineData("""{"type":"\uDC00hello"}""", LinkCloseCodes.MalformedFrame)]
    [InlineData("""{"type":"error","code":"x","message":"tab\there"}""", LinkCloseCodes.MalformedFrame)]
    [InlineData("""{"type":"led","state":"idle"}""", LinkCloseCodes.ProtocolViolation)]
    [InlineData("""{"type":"welcome","protocol_version":1}""", LinkCloseCodes.ProtocolViolation)]
    [InlineData("""{"type":"stream","kind":"burst"}""", LinkCloseCodes.ProtocolViolation)]
    public void Bad_control_messages_close_the_link_with_a_clear_code(string json, int closeCode)
    {
        var result = _server.Read(LinkFrameType.Text, Encoding.UTF8.GetBytes(json));

        Assert.Equal(LinkReadKind.Fatal, result.Kind);
        Assert.Equal(closeCode, result.CloseCode);
        Assert.False(string.IsNullOrWhiteSpace(result.CloseReason));
        Assert.True(Encoding.UTF8.GetByteCount(result.CloseReason!) <= LinkProtocol.MaxCloseReasonBytes);
        Assert.Equal(1, _server.Rejected);
    }

    [Theory]
    [InlineData("""{"type":"stream"}""")]
    [InlineData("""{"type":"stream","kind":"fast"}""")]
    [InlineData("""{"type":"stream","kind":1}""")]
    [InlineData("""{"type":"stream","kind":null}""")]
    [InlineData("""{"type":"stream","kind":"burst","kind":"real_time"}""")]
    [InlineData("""{"type":"stream","kind":"realtime"}""")]
    [InlineData("""{"type":"stream","kind":"RealTime"}""")]
    [InlineData("""{"type":"stream","kind":"Burst"}""")]
    [InlineData("""{"type":"stream","kind":"burst, real_time"}""")]
    [InlineData("""{"type":"stream","kind":"0"}""")]
    public void Bad_stream_messages_close_the_satellites_link(string json)
    {
        var satellite = new LinkMessageReader(LinkPeer.Satellite);

        var result = satellite.Read(LinkFrameType.Text, Encoding.UTF8.GetBytes(json));

        Assert.Equal(LinkReadKind.Fatal, result.Kind);
        Assert.Equal(LinkCloseCodes.MalformedFrame, result.CloseCode);
    }

    private const string WelcomeStart =
        """{"type":"welcome","protocol_version":1,"server_id":"s","session_id":"x","uplink":{"codec":"opus","sample_rate":16000,"frame_ms":20},"downlink":{"codec":"opus","sample_rate":24000,"frame_ms":80},"conversation_active":false,"ping_interval_ms":5000""";

    [Theory]
    [InlineData(",\"wake_packet_ms\":50")] // not a multiple of the uplink's 20 ms frames
    [InlineData(",\"wake_packet_ms\":10")] // shorter than a frame
    [InlineData(",\"wake_packet_ms\":140")] // longer than an Opus packet
    [InlineData(",\"wake_packet_ms\":0")]
    [InlineData(",\"wake_packet_ms\":\"60\"")]
    public void A_wake_packet_duration_the_uplink_cannot_make_is_malformed(string field)
    {
        var result = new LinkMessageReader(LinkPeer.Satellite).Read(LinkFrameType.Text, Encoding.UTF8.GetBytes(WelcomeStart + field + "}"));

        Assert.Equal(LinkReadKind.Fatal, result.Kind);
        Assert.Equal(LinkCloseCodes.MalformedFrame, result.CloseCode);
    }

    [Theory]
    [InlineData("", null)] // an older server: one frame per packet
    [InlineData(",\"wake_packet_ms\":null", null)]
    [InlineData(",\"wake_packet_ms\":20", 20)]
    [InlineData(",\"wake_packet_ms\":60", 60)]
    [InlineData(",\"wake_packet_ms\":120", 120)]
    public void The_wake_packet_duration_is_optional(string field, int? expected)
    {
        var result = new LinkMessageReader(LinkPeer.Satellite).Read(LinkFrameType.Text, Encoding.UTF8.GetBytes(WelcomeStart + field + "}"));

        Assert.Equal(LinkReadKind.Control, result.Kind);
        Assert.Equal(expected, Assert.IsType<WelcomeMessage>(result.Message).WakePacketMs);
    }

    [Fact]
    public void Stream_kinds_are_snake_case_on_the_wire()
    {
        Assert.Equal("""{"type":"stream","kind":"real_time"}""", LinkMessageWriter.ToJson(new StreamMessage(StreamKind.RealTime)));
        Assert.Equal("""{"type":"stream","kind":"burst"}""", LinkMessageWriter.ToJson(new StreamMessage(StreamKind.Burst)));
    }

    [Fact]
    public void Invalid_utf8_is_malformed()
    {
        var result = _server.Read(LinkFrameType.Text, [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']);

        Assert.Equal(LinkCloseCodes.MalformedFrame, result.CloseCode);
    }

    [Theory]
    [InlineData(LinkFrameType.Text)]
    [InlineData(LinkFrameType.Binary)]
    public void Frames_over_64_KiB_are_too_large(LinkFrameType type)
    {
        var frame = new byte[LinkProtocol.MaxFrameBytes + 1];
        frame[0] = 0x10;
        frame[1] = 0x01;

        Assert.Equal(LinkCloseCodes.FrameTooLarge, _server.Read(type, frame).CloseCode);
    }

    [Fact]
    public void Binary_frames_of_another_version_are_unsupported()
    {
        Assert.Equal(LinkCloseCodes.UnsupportedVersion, _server.Read(LinkFrameType.Binary, [0x20, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]).CloseCode);
    }

    [Fact]
    public void Audio_in_the_wrong_direction_is_a_protocol_violation()
    {
        var downlink = new byte[13];
        AudioFrameCodec.Write(new LinkAudioHeader(StreamDirection.Downlink, LinkCodec.Opus, 1, 1), [1], downlink);

        Assert.Equal(LinkCloseCodes.ProtocolViolation, _server.Read(LinkFrameType.Binary, downlink).CloseCode);
        Assert.Equal(LinkReadKind.Audio, new LinkMessageReader(LinkPeer.Satellite).Read(LinkFrameType.Binary, downlink).Kind);
    }

    [Fact]
    public void A_welcome_of_another_version_is_unsupported_for_the_satellite()
    {
        var welcome = (WelcomeMessage)LinkSamples.All[2].Message with { ProtocolVersion = 3 };

        var result = new LinkMessageReader(LinkPeer.Satellite).Read(LinkFrameType.Text, LinkMessageWriter.ToUtf8(welcome));

        Assert.Equal(LinkCloseCodes.UnsupportedVersion, result.CloseCode);
    }

    [Fact]
    public void Counters_count_audio_and_control_messages()
    {
        var frame = new byte[13];
        AudioFrameCodec.Write(new LinkAudioHeader(StreamDirection.Uplink, LinkCodec.Opus, 1, 1), [1], frame);

        _server.Read(LinkFrameType.Binary, frame);
        _server.Read(LinkFrameType.Binary, frame);
        _server.Read(LinkFrameType.Text, LinkMessageWriter.ToUtf8(new PingMessage(5)));

        Assert.Equal(2, _server.AudioFrames);
        Assert.Equal(1, _server.ControlMessages);
    }

    [Fact]
    public void Close_reasons_are_cut_to_123_utf8_bytes()
    {
        var reason = CloseReasons.Truncate(new string('é', 200));

        Assert.True(Encoding.UTF8.GetByteCount(reason) <= LinkProtocol.MaxCloseReasonBytes);
        Assert.EndsWith("...", reason);
        Assert.Equal("short", CloseReasons.Truncate("short"));
    }

    [Fact]
    public void Close_code_names_are_known_for_every_code()
    {
        int[] codes = [4000, 4001, 4002, 4003, 4004, 4005, 4006, 4007];

        Assert.All(codes, code => Assert.NotNull(LinkCloseCodes.NameOf(code)));
        Assert.Null(LinkCloseCodes.NameOf(1000));
    }
}
