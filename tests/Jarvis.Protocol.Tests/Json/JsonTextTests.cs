using System.Text;
using System.Text.Json;
using Jarvis.Protocol.Json;

namespace Jarvis.Protocol.Tests.Json;

public class JsonTextTests
{
    [Theory]
    [InlineData("""  "Hello \uDA09 there"  """, "Hello \uFFFD there")]
    [InlineData("""  "\uDE00 low first"  """, "\uFFFD low first")]
    [InlineData("""  "cut at the end \ud83d"  """, "cut at the end \uFFFD")]
    [InlineData("""  "\ud83d\ud83d\ude00"  """, "\uFFFD\U0001F600")]
    [InlineData("""  "a pair \ud83d\ude00, an escaped backslash \\ud800 and \u00e9"  """, "a pair \U0001F600, an escaped backslash \\ud800 and \u00e9")]
    [InlineData("""  "plain"  """, "plain")]
    public void A_string_reads_whatever_its_escapes_hold(string json, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes);
        Assert.True(reader.Read());
        Assert.Equal(expected, JsonText.Read(ref reader));

        using var document = JsonDocument.Parse(bytes);
        Assert.Equal(expected, JsonText.Read(document.RootElement));

        var node = System.Text.Json.Nodes.JsonNode.Parse(bytes)!.AsValue();
        Assert.Equal(expected, JsonText.Read(node));
    }

    [Fact]
    public void Invalid_utf8_reads_as_the_replacement_character()
    {
        byte[] bytes = [(byte)'"', (byte)'a', 0xC3, (byte)'b', (byte)'\\', (byte)'u', (byte)'d', (byte)'8', (byte)'0', (byte)'0', (byte)'"'];
        var reader = new Utf8JsonReader(bytes);
        Assert.True(reader.Read());
        Assert.Equal("a\uFFFDb\uFFFD", JsonText.Read(ref reader));
    }

    [Fact]
    public void The_plain_reader_throws_where_this_one_does_not()
    {
        // Guards the premise: if System.Text.Json ever reads these itself, JsonText can go.
        var bytes = Encoding.UTF8.GetBytes("\"\\ud800\"");
        Assert.Throws<InvalidOperationException>(() =>
        {
            var reader = new Utf8JsonReader(bytes);
            reader.Read();
            return reader.GetString();
        });
    }
}
