using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Tests.Wyoming;

public sealed class WyomingFramingTests
{
    private static ReadOnlySequence<byte> Bytes(string s) => new(Encoding.UTF8.GetBytes(s));

    [Fact]
    public void Reads_the_reference_libraries_audio_chunk_with_data_block_and_payload()
    {
        var data = "{\"rate\": 16000, \"width\": 2, \"channels\": 1, \"timestamp\": 1280}";
        var header = $"{{\"type\": \"audio-chunk\", \"version\": \"1.7.1\", \"data_length\": {data.Length}, \"payload_length\": 4}}\n";
        var bytes = Encoding.UTF8.GetBytes(header + data).Concat(new byte[] { 1, 2, 3, 4 }).ToArray();
        var buffer = new ReadOnlySequence<byte>(bytes);

        Assert.True(WyomingEventReader.TryRead(ref buffer, out var evt));

        Assert.Equal(61, data.Length);
        Assert.Equal("audio-chunk", evt!.Type);
        Assert.Equal(new AudioFormat(16000, 2, 1), WyomingEvents.ReadFormat(evt));
        Assert.Equal(1280, evt.GetInt64("timestamp"));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, evt.Payload.ToArray());
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void Data_block_is_merged_over_inline_header_data()
    {
        var block = "{\"text\": \"from block\"}";
        var buffer = Bytes($"{{\"type\": \"transcript\", \"data\": {{\"text\": \"inline\", \"language\": \"en\"}}, \"data_length\": {block.Length}}}\n{block}");

        Assert.True(WyomingEventReader.TryRead(ref buffer, out var evt));

        Assert.Equal("from block", evt!.GetString("text"));
        Assert.Equal("en", evt.GetString("language"));
    }

    [Fact]
    public void Null_fields_read_as_absent_and_version_is_ignored()
    {
        var buffer = Bytes("{\"type\": \"detection\", \"version\": 7, \"data\": {\"name\": \"hey_jarvis\", \"timestamp\": null}, \"payload_length\": null}\n");

        Assert.True(WyomingEventReader.TryRead(ref buffer, out var evt));

        Assert.Equal("hey_jarvis", evt!.GetString("name"));
        Assert.Null(evt.GetInt64("timestamp"));
        Assert.True(evt.Payload.IsEmpty);
    }

    [Fact]
    public void Partial_frames_need_more_data_and_leave_the_buffer_untouched()
    {
        var writer = new ArrayBufferWriter<byte>();
        new WyomingEventWriter().Write(WyomingEvents.AudioChunk(AudioFormat.Speech16K, new byte[] { 9, 8, 7, 6 }, 64), writer);
        var whole = writer.WrittenMemory.ToArray();

        for (var cut = 0; cut < whole.Length; cut++)
        {
            var partial = new ReadOnlySequence<byte>(whole, 0, cut);
            Assert.False(WyomingEventReader.TryRead(ref partial, out _));
            Assert.Equal(cut, partial.Length);
        }

        var full = new ReadOnlySequence<byte>(whole);
        Assert.True(WyomingEventReader.TryRead(ref full, out var evt));
        Assert.Equal(new byte[] { 9, 8, 7, 6 }, evt!.Payload.ToArray());
    }

    [Fact]
    public void Two_events_in_one_buffer_are_read_one_after_the_other()
    {
        var writer = new ArrayBufferWriter<byte>();
        var w = new WyomingEventWriter();
        w.Write(WyomingEvents.Describe(), writer);
        w.Write(WyomingEvents.Synthesize("Hello there."), writer);
        var buffer = new ReadOnlySequence<byte>(writer.WrittenMemory);

        Assert.True(WyomingEventReader.TryRead(ref buffer, out var first));
        Assert.True(WyomingEventReader.TryRead(ref buffer, out var second));

        Assert.Equal("describe", first!.Type);
        Assert.Equal("Hello there.", second!.GetString("text"));
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void Writer_puts_data_in_the_block_never_in_the_header()
    {
        var writer = new ArrayBufferWriter<byte>();
        new WyomingEventWriter().Write(new WyomingEvent("transcript", new JsonObject { ["text"] = "hi" }), writer);

        var text = Encoding.UTF8.GetString(writer.WrittenSpan);

        Assert.Equal("{\"type\":\"transcript\",\"version\":\"1.7.1\",\"data_length\":13}\n{\"text\":\"hi\"}", text);
    }

    [Fact]
    public void Writer_omits_lengths_for_an_event_without_data_or_payload()
    {
        var writer = new ArrayBufferWriter<byte>();
        new WyomingEventWriter().Write(WyomingEvents.Describe(), writer);

        Assert.Equal("{\"type\":\"describe\",\"version\":\"1.7.1\"}\n", Encoding.UTF8.GetString(writer.WrittenSpan));
    }

    [Theory]
    [InlineData("not json\n", "not valid JSON")]
    [InlineData("[1,2]\n", "not a JSON object")]
    [InlineData("{\"data\": {}}\n", "no string \"type\"")]
    [InlineData("{\"type\": 5}\n", "no string \"type\"")]
    [InlineData("{\"type\": \"x\", \"data_length\": -1}\n", "outside")]
    [InlineData("{\"type\": \"x\", \"payload_length\": \"12\"}\n", "not a non-negative integer")]
    [InlineData("{\"type\": \"x\", \"data\": [1]}\n", "not an object")]
    [InlineData("{\"type\": \"x\", \"data_length\": 3}\n[1]", "not a JSON object")]
    [InlineData("{\"type\": \"x\"} trailing\n", "not valid JSON")]
    [InlineData("{\"type\": \"x\", \"data_length\": 9}\n{} extra!", "not valid JSON")]
    public void Malformed_headers_are_protocol_errors(string input, string expected)
    {
        var buffer = Bytes(input);

        var ex = Assert.Throws<WyomingProtocolException>(() => WyomingEventReader.TryRead(ref buffer, out _));

        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void An_overlong_header_line_is_rejected_like_the_python_readline_limit()
    {
        var limits = new WyomingLimits { MaxHeaderBytes = 100 };
        var buffer = Bytes("{\"type\": \"" + new string('x', 200));

        Assert.Throws<WyomingProtocolException>(() => WyomingEventReader.TryRead(ref buffer, limits, out _));
    }

    [Fact]
    public void A_payload_over_the_limit_is_rejected_before_it_is_buffered()
    {
        var limits = new WyomingLimits { MaxPayloadBytes = 1024 };
        var buffer = Bytes("{\"type\": \"audio-chunk\", \"payload_length\": 5000}\n");

        Assert.Throws<WyomingProtocolException>(() => WyomingEventReader.TryRead(ref buffer, limits, out _));
    }

    // Found by the fuzzer (tests/Jarvis.Fuzz, target wyoming): JsonNode reads strings lazily, so invalid UTF-8 in a
    // property name or value escaped later as an InvalidOperationException and killed the connection's reader.
    [Theory]
    [InlineData(new byte[] { 0x7b, 0x22, 0x74, 0xff, 0x7f, 0x65, 0x22, 0x3a, 0x22, 0x78, 0x22, 0x7d, 0x0a }, "not valid UTF-8")] // {"t\xff\x7fe":"x"}
    [InlineData(new byte[] { 0x7b, 0x22, 0x74, 0x79, 0x70, 0x65, 0x22, 0x3a, 0x22, 0xc7, 0x22, 0x7d, 0x0a }, "not valid UTF-8")] // {"type":"\xc7"}
    public void Invalid_utf8_in_the_header_is_a_protocol_error(byte[] input, string expected)
    {
        var buffer = new ReadOnlySequence<byte>(input);

        var ex = Assert.Throws<WyomingProtocolException>(() => WyomingEventReader.TryRead(ref buffer, out _));

        Assert.Contains(expected, ex.Message);
    }

    // A lone surrogate escape is valid JSON (Python's json.dumps writes one for a string cut inside an emoji) that
    // JsonNode's GetValue<string> throws InvalidOperationException on: it reads as U+FFFD, never ends the connection.
    [Fact]
    public void A_lone_surrogate_in_a_transcript_or_the_type_reads_as_a_replacement_character()
    {
        const string block = "{\"text\": \"caf\\ud83d\"}";
        var buffer = Bytes($"{{\"type\": \"transcript\", \"data_length\": {block.Length}}}\n{block}{{\"type\": \"x\\udc00y\"}}\n");

        Assert.True(WyomingEventReader.TryRead(ref buffer, out var transcript));
        Assert.Equal("caf\uFFFD", transcript!.GetString("text"));
        Assert.True(WyomingEventReader.TryRead(ref buffer, out var odd));
        Assert.Equal("x\uFFFDy", odd!.Type);
    }

    // Found by the fuzz target wyoming (CI, 2026-12-07): JsonObject unescapes its names at the first access of a field.
    [Fact]
    public void A_property_name_with_a_lone_surrogate_is_a_protocol_error()
    {
        var buffer = Bytes("{\"type\": \"tt\", \"dx\\udc0ata_length\": 21}\n");

        var ex = Assert.Throws<WyomingProtocolException>(() => WyomingEventReader.TryRead(ref buffer, out _));

        Assert.Contains("not valid UTF-16", ex.Message);
    }

    [Fact]
    public void A_duplicate_property_name_is_a_protocol_error()
    {
        var buffer = Bytes("{\"type\":\"a\",\"type\":\"b\"}\n");

        var ex = Assert.Throws<WyomingProtocolException>(() => WyomingEventReader.TryRead(ref buffer, out _));

        Assert.Contains("not valid JSON", ex.Message);
    }
}
