using System.Net;
using Jarvis.Protocol.Discovery;
using Makaretu.Dns;

namespace Jarvis.Protocol.Tests.Discovery;

public sealed class JarvisServiceRecordTests
{
    private static readonly Dictionary<string, string> Txt = new() { ["path"] = "/link/v1", ["version"] = "1", ["tls"] = "0", ["server_id"] = "mac" };

    [Fact]
    public void An_answer_read_back_from_the_wire_gives_the_link_url_preferring_ipv4()
    {
        var answer = JarvisServiceRecord.Answer("Jarvis on mac.home", "mac", 8080, [IPAddress.Parse("fe80::1"), IPAddress.Parse("192.168.1.20")], Txt);

        var read = new Message();
        read.Read(answer.ToByteArray());

        Assert.True(read.IsResponse);
        Assert.Equal(new Uri("ws://192.168.1.20:8080/link/v1"), JarvisServiceRecord.LinkUriOf(read));
    }

    [Fact]
    public void The_query_asks_for_the_service_and_other_queries_do_not()
    {
        var query = new Message();
        query.Read(JarvisServiceRecord.Query().ToByteArray());
        var other = new Message();
        other.Questions.Add(new Question { Name = "_esphomelib._tcp.local", Type = DnsType.PTR });

        Assert.True(JarvisServiceRecord.Asks(query));
        Assert.False(JarvisServiceRecord.Asks(other));
    }

    [Theory]
    [InlineData("2", "0", null)]
    [InlineData("1", "1", "wss://10.0.0.5:8443/link/v1")]
    public void Txt_decides_the_scheme_and_refuses_another_protocol_version(string version, string tls, string? expected)
    {
        var txt = new Dictionary<string, string>(Txt) { ["version"] = version, ["tls"] = tls };

        Assert.Equal(expected is null ? null : new Uri(expected), JarvisServiceRecord.LinkUri("10.0.0.5", 8443, txt));
    }

    [Fact]
    public void An_answer_without_an_address_gives_no_url()
    {
        var answer = JarvisServiceRecord.Answer("Jarvis", "mac", 8080, [], Txt);

        Assert.Null(JarvisServiceRecord.LinkUriOf(answer));
    }
}
