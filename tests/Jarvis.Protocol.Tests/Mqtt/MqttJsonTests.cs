using System.Text;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Protocol.Mqtt;

namespace Jarvis.Protocol.Tests.Mqtt;

public sealed class MqttJsonTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Active_conversation_round_trips_and_none_has_no_room()
    {
        var active = new ActiveConversation(Noon, "kitchen", "kitchen-1", "conv-9");
        var none = ActiveConversation.None(Noon);

        Assert.Equal(active, MqttJson.ParseActiveConversation(MqttJson.Serialize(active)));
        Assert.Equal("""{"since":"2026-11-24T12:00:00+00:00","room":null,"satellite_id":null,"conversation_id":null}""", Encoding.UTF8.GetString(MqttJson.Serialize(none)));
        Assert.Equal(none, MqttJson.ParseActiveConversation("""{"since":"2026-11-24T12:00:00Z"}"""u8));
        Assert.False(MqttJson.ParseActiveConversation(MqttJson.Serialize(none))!.IsActive);
    }

    [Fact]
    public void Arbitration_claim_round_trips_as_snake_case_json()
    {
        var claim = new ArbitrationClaim("wake-17", "living_room", "lr-1", 0.82, Noon, "jarvis-mac");
        var json = Encoding.UTF8.GetString(MqttJson.Serialize(claim));

        Assert.Equal("""{"wake_id":"wake-17","room":"living_room","satellite_id":"lr-1","score":0.82,"timestamp":"2026-11-24T12:00:00+00:00","server_id":"jarvis-mac"}""", json);
        Assert.Equal(claim, MqttJson.ParseArbitrationClaim(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Arbitration_claim_carries_the_speech_level_when_there_is_one()
    {
        var claim = new ArbitrationClaim("wake-17", "living_room", "lr-1", 0.82, Noon, "jarvis-mac", -42.5);
        var json = Encoding.UTF8.GetString(MqttJson.Serialize(claim));

        Assert.EndsWith(""","server_id":"jarvis-mac","level_dbfs":-42.5}""", json);
        Assert.Equal(claim, MqttJson.ParseArbitrationClaim(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Satellite_state_round_trips()
    {
        var state = new SatelliteStateEvent("den", "den", LedState.Listening, false, true, Noon);
        var json = Encoding.UTF8.GetString(MqttJson.Serialize(state));

        Assert.Contains("\"led\":\"listening\"", json);
        Assert.Equal(state, MqttJson.ParseSatelliteState(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void The_higher_score_wins_and_ties_go_to_the_lower_satellite_id()
    {
        var a = new ArbitrationClaim("w", "kitchen", "a", 0.7, Noon, "s");
        var b = a with { SatelliteId = "b", Room = "den", Score = 0.9 };
        var c = a with { SatelliteId = "c" };

        Assert.True(b.Beats(a));
        Assert.False(a.Beats(b));
        Assert.True(a.Beats(c));
        Assert.False(c.Beats(a));
    }

    [Fact]
    public void The_louder_claim_wins_when_both_carry_a_level_and_the_score_decides_otherwise()
    {
        var near = new ArbitrationClaim("w", "kitchen", "a", 0.3, Noon, "s", -55);
        var far = near with { SatelliteId = "b", Room = "den", Score = 0.9, LevelDbfs = -70 };

        Assert.True(near.Beats(far));
        Assert.False(far.Beats(near));
        Assert.True((far with { LevelDbfs = null }).Beats(near));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("""{"wake_id":"w","room":"Living Room","satellite_id":"a","score":0.5,"timestamp":"2026-11-24T12:00:00Z","server_id":"s"}""")]
    [InlineData("""{"wake_id":"w","room":"den","satellite_id":"a","score":1.5,"timestamp":"2026-11-24T12:00:00Z","server_id":"s"}""")]
    [InlineData("""{"wake_id":"w","room":"den","satellite_id":"a","score":0.5,"timestamp":"yesterday","server_id":"s"}""")]
    [InlineData("""{"wake_id":"w","room":"den","satellite_id":"a","score":0.5,"timestamp":"2026-11-24T12:00:00Z"}""")]
    [InlineData("""{"wake_id":null,"room":"den","satellite_id":"a","score":0.5,"timestamp":"2026-11-24T12:00:00Z","server_id":"s"}""")]
    [InlineData("""{"wake_id":"w","room":"den","satellite_id":"a","score":0.5,"timestamp":"2026-11-24T12:00:00Z","server_id":"s","level_dbfs":3}""")]
    [InlineData("""{"wake_id":"w","room":"den","satellite_id":"a","score":0.5,"timestamp":"2026-11-24T12:00:00Z","server_id":"s","level_dbfs":-250}""")]
    [InlineData("""{"wake_id":"w","room":"den","satellite_id":"a","score":0.5,"timestamp":"2026-11-24T12:00:00Z","server_id":"s","level_dbfs":"loud"}""")]
    public void Bad_claims_parse_to_null(string json)
    {
        Assert.Null(MqttJson.ParseArbitrationClaim(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Bad_state_and_conversation_payloads_parse_to_null()
    {
        Assert.Null(MqttJson.ParseSatelliteState("""{"satellite_id":"den","room":"den","led":"disco","muted":false,"conversation_active":true,"timestamp":"2026-11-24T12:00:00Z"}"""u8));
        Assert.Null(MqttJson.ParseActiveConversation("""{"room":"Den!","since":"2026-11-24T12:00:00Z"}"""u8));
        Assert.Null(MqttJson.ParseActiveConversation([0xFF, 0xFE]));
    }
}
