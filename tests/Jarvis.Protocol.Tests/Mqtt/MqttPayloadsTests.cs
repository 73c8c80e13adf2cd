using System.Text;
using Jarvis.Protocol.Mqtt;

namespace Jarvis.Protocol.Tests.Mqtt;

public sealed class MqttPayloadsTests
{
    [Theory]
    [InlineData("ON", true)]
    [InlineData("on", true)]
    [InlineData(" true\n", true)]
    [InlineData("1", true)]
    [InlineData("OFF", false)]
    [InlineData("False", false)]
    [InlineData("0", false)]
    public void Switch_commands_are_parsed_leniently(string payload, bool expected)
    {
        Assert.True(MqttPayloads.TryParseOnOff(Encoding.UTF8.GetBytes(payload), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("maybe")]
    [InlineData("ONN")]
    [InlineData("{\"state\":\"ON\"}")]
    [InlineData("this payload is far too long to be a switch command")]
    public void Anything_else_is_not_a_switch_command(string payload)
    {
        Assert.False(MqttPayloads.TryParseOnOff(Encoding.UTF8.GetBytes(payload), out _));
    }

    [Fact]
    public void Invalid_utf8_is_not_a_switch_command()
    {
        Assert.False(MqttPayloads.TryParseOnOff([0xC3, 0x28], out _));
    }

    [Fact]
    public void Payload_constants_match_home_assistant_defaults()
    {
        Assert.Equal("ON", MqttPayloads.OnOff(true));
        Assert.Equal("OFF", MqttPayloads.OnOff(false));
        Assert.Equal("online", MqttPayloads.Status(true));
        Assert.Equal("offline", MqttPayloads.Status(false));
    }

    [Theory]
    [InlineData("online", true, true)]
    [InlineData("offline", true, false)]
    [InlineData("Online", false, false)]
    [InlineData("", false, false)]
    public void Status_payloads_are_exact(string payload, bool parses, bool online)
    {
        Assert.Equal(parses, MqttPayloads.TryParseStatus(Encoding.UTF8.GetBytes(payload), out var value));
        Assert.Equal(online, value);
    }
}
