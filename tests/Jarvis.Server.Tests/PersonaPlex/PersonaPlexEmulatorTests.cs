using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using Jarvis.PersonaPlex.Emulator;
using Jarvis.Protocol.Ogg;
using Jarvis.Server.Tests.PersonaPlex.Support;

namespace Jarvis.Server.Tests.PersonaPlex;

/// <summary>The emulator must reject what PersonaPlex rejects, the way PersonaPlex does (spec §2–§5).</summary>
public sealed class PersonaPlexEmulatorTests : IAsyncLifetime
{
    private const string GoodQuery = "text_prompt=Be%20brief.&voice_prompt=NATF2.pt";
    private readonly PersonaPlexEmulator _emulator = new(new EmulatorOptions { PromptSteps = 10 });

    public Task InitializeAsync() => _emulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Plain_http_get_of_the_chat_route_answers_400_and_there_is_no_health_route()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_emulator.Port}") };

        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/chat")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/health")).StatusCode);
    }

    [Theory]
    [InlineData("text_prompt=Hi&voice_prompt=NATF2.pt&seed=-1", "aborted: seed parameter")]
    [InlineData("text_prompt=&voice_prompt=NATF2.pt", "aborted: empty text_prompt")]
    [InlineData("voice_prompt=NATF2.pt", "aborted: missing text_prompt")]
    [InlineData("text_prompt=Hi", "aborted: missing voice_prompt")]
    [InlineData("text_prompt=Hi&voice_prompt=../../etc/passwd", "aborted: voice prompt ../../etc/passwd not found")]
    public async Task Bad_queries_are_upgraded_then_dropped_without_a_close_frame(string query, string reason)
    {
        await using var socket = await RawChatSocket.ConnectAsync(_emulator.ChatUrl, query);

        var error = await Assert.ThrowsAsync<WebSocketException>(socket.ReceiveAsync);

        Assert.Equal(WebSocketError.ConnectionClosedPrematurely, error.WebSocketErrorCode);
        Assert.StartsWith(reason, await _emulator.Sessions[0].Ended.WaitAsync(Eventually.Deadline));
    }

    [Fact]
    public async Task Handshake_is_one_zero_byte_followed_by_the_two_sphn_header_pages_of_serial_42()
    {
        await using var socket = await RawChatSocket.ConnectAsync(_emulator.ChatUrl, GoodQuery);

        Assert.Equal([0x00], await socket.ReceiveAsync());
        Assert.Equal(
            Convert.FromHexString("01" + "4f67675300020000000000000000" + "2a00000000000000" + "ef888722" + "0113" + "4f707573486561640101000fc05d0000000000"),
            await socket.ReceiveAsync());
        Assert.Equal(
            Convert.FromHexString("01" + "4f67675300000000000000000000" + "2a00000001000000" + "bfd821e5" + "0119" + "4f70757354616773090000007370686e2d70796f3300000000"),
            await socket.ReceiveAsync());
    }

    [Fact]
    public async Task A_page_with_a_bad_crc_ends_the_session_with_code_1000_and_no_explanation()
    {
        await using var socket = await ConnectPastHandshakeAsync();
        var headers = Pages(serial: 7, writer => writer.WriteHeaders);
        headers[1 + 22] ^= 0xFF; // corrupt the CRC of the BOS page

        await socket.SendAsync(headers);

        Assert.Null(await socket.ReceiveAsync());
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        Assert.True(string.IsNullOrEmpty(socket.CloseDescription));
        Assert.StartsWith("bad Ogg stream", await _emulator.Sessions[0].Ended.WaitAsync(Eventually.Deadline));
    }

    [Fact]
    public async Task A_stream_sent_during_the_prompt_phase_loses_its_bos_page_and_then_fails()
    {
        await using var socket = await RawChatSocket.ConnectAsync(_emulator.ChatUrl, GoodQuery);
        var writer = new OggOpusWriter(9, new OpusHead(1, 1, 312, 24000, 0, 0));
        await socket.SendAsync(Pages(writer, w => w.WriteHeaders)); // too early: eaten by the prompt phase
        Assert.Equal([0x00], await socket.ReceiveAsync());
        await socket.ReceiveAsync();
        await socket.ReceiveAsync();

        await socket.SendAsync(Pages(writer, w => output => w.WritePacket(TestPackets.Tone(1)[0], 960, output)));

        Assert.Null(await socket.ReceiveAsync());
        Assert.Equal(1, _emulator.Sessions[0].DiscardedDuringPrompt);
        Assert.Equal("bad Ogg stream: first page of serial 9 lacks BOS", await _emulator.Sessions[0].Ended.WaitAsync(Eventually.Deadline));
    }

    [Fact]
    public async Task Unknown_message_kinds_and_text_frames_are_ignored()
    {
        await using var socket = await ConnectPastHandshakeAsync();
        var writer = new OggOpusWriter(11, new OpusHead(1, 1, 312, 24000, 0, 0));

        await socket.SendAsync([0x06]);
        await socket.SendAsync([0x02, 0x41]);
        await socket.SendAsync(Pages(writer, w => w.WriteHeaders));
        foreach (var packet in TestPackets.Tone(4))
        {
            await socket.SendAsync(Pages(writer, w => output => w.WritePacket(packet, 960, output)));
        }

        var page = await socket.ReceiveAsync();
        Assert.Equal(0x01, page![0]);
        Assert.Equal(1, _emulator.Sessions[0].Steps);
    }

    private async Task<RawChatSocket> ConnectPastHandshakeAsync()
    {
        var socket = await RawChatSocket.ConnectAsync(_emulator.ChatUrl, GoodQuery);
        Assert.Equal([0x00], await socket.ReceiveAsync());
        await socket.ReceiveAsync();
        await socket.ReceiveAsync();
        return socket;
    }

    private static byte[] Pages(uint serial, Func<OggOpusWriter, Action<IBufferWriter<byte>>> write) =>
        Pages(new OggOpusWriter(serial, new OpusHead(1, 1, 312, 24000, 0, 0)), write);

    private static byte[] Pages(OggOpusWriter writer, Func<OggOpusWriter, Action<IBufferWriter<byte>>> write)
    {
        var output = new ArrayBufferWriter<byte>();
        output.Write([(byte)0x01]);
        write(writer)(output);
        return output.WrittenSpan.ToArray();
    }
}
