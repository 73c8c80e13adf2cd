using System.Net;
using System.Text.Json;
using Jarvis.PersonaPlex.Emulator.Realtime;
using Jarvis.Server.Tests.PersonaPlex.Support;

namespace Jarvis.Server.Tests.PersonaPlex.Realtime;

/// <summary>The emulator refuses what vLLM-Omni refuses, with the same error shapes (realtime-duplex-protocol.md).</summary>
public sealed class RealtimeEmulatorTests : IAsyncLifetime
{
    private readonly RealtimeEmulator _emulator = new(new RealtimeEmulatorOptions { MaxSessions = 1, ChunkFrames = 5 });
    private readonly HttpClient _http = new();

    public Task InitializeAsync() => _emulator.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Health_and_models_answer_over_plain_http_and_the_api_key_guards_v1()
    {
        var root = $"http://127.0.0.1:{_emulator.Port}";
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync($"{root}/health")).StatusCode);
        var models = JsonDocument.Parse(await _http.GetStringAsync($"{root}/v1/models")).RootElement;
        Assert.Equal("nvidia/personaplex-7b-v1", models.GetProperty("data")[0].GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"{root}/v1/realtime")).StatusCode); // a WebSocket route only

        _emulator.Options.ApiKey = "secret";
        _emulator.Options.EngineDead = true;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _http.GetAsync($"{root}/health")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.GetAsync($"{root}/v1/models")).StatusCode);
        Assert.Empty(_emulator.Sessions);
    }

    [Fact]
    public async Task Without_duplex_1_the_upgrade_is_refused()
    {
        var error = await Assert.ThrowsAsync<System.Net.WebSockets.WebSocketException>(() => RawRealtimeSocket.ConnectAsync(_emulator.RealtimeUrl, "model=nvidia/personaplex-7b-v1&autostart=0"));
        Assert.Contains("400", error.Message);
    }

    [Fact]
    public async Task A_session_opens_with_session_created_then_session_updated_and_the_declared_voice_persona_and_rate()
    {
        await using var client = await RawRealtimeSocket.ConnectAsync(_emulator.RealtimeUrl);

        var created = await client.OpenAsync("NATM1.pt", "Be Jarvis.");
        var updated = await client.ReceiveAsync();

        var session = created.GetProperty("session");
        Assert.StartsWith("sess_", session.GetProperty("id").GetString());
        Assert.StartsWith("event_", created.GetProperty("event_id").GetString());
        Assert.Equal("NATM1.pt", session.GetProperty("voice").GetString());
        Assert.Equal(24000, session.GetProperty("audio").GetProperty("input").GetProperty("sample_rate_hz").GetInt32());
        Assert.Equal("model_native_duplex", session.GetProperty("capabilities").GetProperty("implementation_level").GetString());
        Assert.Equal("session.updated", updated!.Value.GetProperty("type").GetString());
    }

    [Fact]
    public async Task With_model_and_no_autostart_0_the_default_session_opens_at_once_and_the_persona_can_then_not_change()
    {
        await using var client = await RawRealtimeSocket.ConnectAsync(_emulator.RealtimeUrl, "duplex=1&model=nvidia/personaplex-7b-v1");

        var created = await client.NextAsync("session.created");
        Assert.Equal("NATF2.pt", created.GetProperty("session").GetProperty("voice").GetString());
        await client.SendAsync(new { type = "session.update", session = new { instructions = "Be Jarvis." } });

        var error = await client.ErrorAsync();
        Assert.Equal("persona_update_unsupported", error.GetProperty("code").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        await client.SendAsync(new { type = "session.heartbeat" });
        Assert.Equal(created.GetProperty("session").GetProperty("id").GetString(), (await client.NextAsync("session.heartbeat_ack")).GetProperty("session_id").GetString());
    }

    [Theory]
    [InlineData("{\"type\":\"session.update\",\"session\":{\"voice\":\"../NATF2.pt\"}}", "invalid_voice", "bundled .pt basename")]
    [InlineData("{\"type\":\"session.update\",\"session\":{\"voice\":\"NATX9.pt\"}}", "prefill_unavailable", "'NATX9.pt' was not found")]
    [InlineData("{\"type\":\"session.update\",\"session\":{\"input_audio_format\":\"opus\"}}", "unsupported_audio_format", "Unsupported input_audio_format: opus")]
    [InlineData("{\"type\":\"session.update\",\"session\":{\"extra_body\":{\"personaplex_persona\":\"x\"}}}", "invalid_duplex_runtime_config", "server-owned")]
    [InlineData("{\"type\":\"session.resume\"}", "invalid_session_resume", "requires session_id")]
    [InlineData("not json", "invalid_json", "Invalid JSON in session.update")]
    [InlineData("[1]", "bad_event", "must be a JSON object")]
    public async Task An_open_failure_is_one_error_event_then_the_socket_closes(string first, string code, string message)
    {
        await using var client = await RawRealtimeSocket.ConnectAsync(_emulator.RealtimeUrl);

        await client.SendTextAsync(first);

        var error = await client.ErrorAsync();
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Contains(message, error.GetProperty("message").GetString());
        Assert.True(await client.ClosedAsync());
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, client.CloseStatus);
        Assert.Empty(_emulator.OpenedSessions);
    }

    [Fact]
    public async Task No_first_message_within_the_config_timeout_is_an_error_and_a_close()
    {
        _emulator.Options.ConfigTimeout = TimeSpan.FromMilliseconds(200);
        await using var client = await RawRealtimeSocket.ConnectAsync(_emulator.RealtimeUrl);

        Assert.Equal("config_timeout", (await client.ErrorAsync()).GetProperty("code").GetString());
        Assert.True(await client.ClosedAsync());
    }

    [Fact]
    public async Task Beyond_max_sessions_the_open_is_refused_as_a_rate_limit_and_a_closed_session_frees_its_place()
    {
        await using var first = await RawRealtimeSocket.ConnectAsync(_emulator.RealtimeUrl);
        await first.OpenAsync();
        await using var second = await RawRealtimeSocket.ConnectAsync(_emulator.RealtimeUrl);

        await second.SendAsync(new { type = "session.update", session = new { voice = "NATF2.pt" } });
        var refused = await second.ErrorAsync();

        Assert.Equal("resource_exhausted", refused.GetProperty("code").GetString());
        Assert.Equal("rate_limit_error", refused.GetProperty("type").GetString());
        Assert.Equal("duplex_session_capacity_exhausted: limit=1", refused.GetProperty("message").GetString());
        Assert.True(await second.ClosedAsync());

        await first.SendAsync(new { type = "session.close" });
        var closed = await first.NextAsync("session.closed");
        Assert.Equal("client_close", closed.GetProperty("reason").GetString());
        Assert.True(await first.ClosedAsync());
        Assert.Equal("client_close", first.CloseDescription);
        await using var third = await RawRealtimeSocket.ConnectAsync(_emulator.RealtimeUrl);
        await third.OpenAsync();
    }

    [Theory]
    [InlineData("missing", "bad_event", "requires audio")]
    [InlineData("pcm16", "bad_event", "sample_rate_hz must be 24000")]
    [InlineData("no-rate", "bad_event", "sample_rate_hz must be 24000")]
    [InlineData("base64", "bad_audio", "not valid base64")]
    [InlineData("odd-length", "bad_event", "divisible by four")]
    [InlineData("nan", "bad_event", "must be finite")]
    [InlineData("format", "unsupported_audio_format", "Unsupported input_audio_format: flac")]
    public async Task A_refused_append_is_one_error_the_socket_stays_open_and_nothing_is_buffered(string fault, string code, string message)
    {
        await using var client = await RawRealtimeSocket.ConnectAsync(_emulator.RealtimeUrl);
        await client.SendAsync(new { type = "session.update", session = new { voice = "NATF2.pt" } }); // no rate declared: 16 kHz default
        await client.NextAsync("session.created");
        var half = new float[960];

        switch (fault)
        {
            case "missing": await client.SendAsync(new { type = "input_audio_buffer.append", event_id = "e1" }); break;
            case "pcm16": await client.SendAsync(new { type = "input_audio_buffer.append", format = "pcm16", sample_rate_hz = 24000, audio = Convert.ToBase64String(new byte[3840]), event_id = "e1" }); break;
            case "no-rate": await client.AppendAsync(half, rate: null); break;
            case "base64": await client.SendAsync(new { type = "input_audio_buffer.append", format = "pcm_f32le", sample_rate_hz = 24000, audio = "AAAA AAAA", event_id = "e1" }); break;
            case "odd-length": await client.SendAsync(new { type = "input_audio_buffer.append", format = "pcm_f32le", sample_rate_hz = 24000, audio = Convert.ToBase64String(new byte[6]), event_id = "e1" }); break;
            case "nan": await client.AppendAsync([.. half[..959], float.NaN]); break;
            case "format": await client.AppendAsync(half, format: "flac"); break;
        }

        var error = await client.ErrorAsync();
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Contains(message, error.GetProperty("message").GetString());
        if (error.TryGetProperty("event_id", out var echoed))
        {
            Assert.Equal("e1", echoed.GetString());
        }

        await client.AppendAsync(half);
        await client.AppendAsync(half);
        await client.AppendAsync(new float[1920]);
        var session = _emulator.OpenedSessions[0];
        await Eventually.TrueAsync(() => session.Frames.Count == 2, "the two whole frames after the refusal (half frames wait for their other half)");
    }

    [Fact]
    public async Task Audio_comes_back_one_frame_late_as_pcm16_in_a_first_delta_of_one_frame_then_five()
    {
        // The frames are sent at once, so they are never late; but a stall of this (loaded) test process between the emulator
        // taking two of them would let its silence continuation insert a zero frame, which this test is not about.
        _emulator.Options.SilenceGrace = TimeSpan.FromMinutes(1);
        await using var client = await RawRealtimeSocket.ConnectAsync(_emulator.RealtimeUrl);
        await client.OpenAsync();
        var frames = Enumerable.Range(0, 8).Select(n => Enumerable.Repeat(0.001f * (n + 1), 1920).ToArray()).ToArray();

        foreach (var frame in frames)
        {
            await client.AppendAsync(frame);
        }

        var created = await client.NextAsync("response.created");
        Assert.Equal("conversation.item.added", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
        var first = await client.NextAsync("response.output_audio.delta");
        var second = await client.NextAsync("response.output_audio.delta");
        var responseId = created.GetProperty("response_id").GetString();
        Assert.Equal(responseId, first.GetProperty("response_id").GetString());
        Assert.Equal("item_" + responseId, first.GetProperty("item_id").GetString());
        Assert.Equal(24000, first.GetProperty("sample_rate_hz").GetInt32());
        var one = Convert.FromBase64String(first.GetProperty("delta").GetString()!);
        var five = Convert.FromBase64String(second.GetProperty("delta").GetString()!);
        Assert.Equal(3840, one.Length);
        Assert.Equal(5 * 3840, five.Length);
        Assert.Equal((short)Math.Round(0.001 * 32767), BitConverter.ToInt16(one, 0));
        Assert.Equal((short)Math.Round(0.002 * 32767), BitConverter.ToInt16(five, 0));
    }

    [Fact]
    public async Task Cancel_restarts_the_epoch_the_response_ends_cancelled_and_the_next_frame_opens_a_new_response()
    {
        await using var client = await RawRealtimeSocket.ConnectAsync(_emulator.RealtimeUrl);
        await client.OpenAsync();
        await client.AppendAsync(new float[1920]);
        await client.AppendAsync(new float[1920]);
        var firstResponse = (await client.NextAsync("response.created")).GetProperty("response_id").GetString();

        await client.SendAsync(new { type = "response.cancel" });
        var done = await client.NextAsync("response.done");
        await client.NextAsync("rate_limits.updated");
        await client.AppendAsync(new float[1920]);
        await client.AppendAsync(new float[1920]);
        var secondResponse = (await client.NextAsync("response.created")).GetProperty("response_id").GetString();

        Assert.Equal("cancelled", done.GetProperty("response").GetProperty("status").GetString());
        Assert.NotEqual(firstResponse, secondResponse);
        Assert.Equal(1, _emulator.OpenedSessions[0].Epoch);
    }

    [Fact]
    public async Task A_full_window_is_one_runtime_error_then_every_append_is_refused_until_the_context_restarts()
    {
        _emulator.Options.WindowFrames = 100; // prefill: 50 voice rows + 12 silence + 3 persona tokens = 65 slots
        await using var client = await RawRealtimeSocket.ConnectAsync(_emulator.RealtimeUrl);
        await client.OpenAsync(instructions: "Be a test.");

        for (var n = 0; n < 40; n++)
        {
            await client.AppendAsync(new float[1920]);
        }

        var full = await client.ErrorAsync();
        Assert.Equal("runtime_append_failed", full.GetProperty("code").GetString());
        Assert.Equal("server_error", full.GetProperty("type").GetString());
        Assert.Equal("streaming_prompt_context_limit_exceeded: projected=101, limit=100", full.GetProperty("message").GetString());
        await client.AppendAsync(new float[1920]);
        Assert.Equal("runtime_append_failed", (await client.ErrorAsync()).GetProperty("code").GetString());
        Assert.All(_emulator.OpenedSessions[0].Errors, code => Assert.Equal("runtime_append_failed", code));

        await client.SendAsync(new { type = "response.cancel" });
        await client.AppendAsync(new float[1920]);
        await client.AppendAsync(new float[1920]);
        await client.NextAsync("response.output_audio.delta");
        Assert.True(_emulator.OpenedSessions[0].ModelFramesIn(1) >= 2, "the new epoch takes the frames"); // (silence may follow)
    }

    [Fact]
    public async Task Events_the_session_does_not_know_are_refused_and_a_binary_frame_ends_the_connection()
    {
        await using var client = await RawRealtimeSocket.ConnectAsync(_emulator.RealtimeUrl);
        await client.OpenAsync();

        await client.SendAsync(new { type = "response.tickle" });
        Assert.Equal("unknown_event", (await client.ErrorAsync()).GetProperty("code").GetString());
        await client.SendTextAsync("{oops");
        Assert.Equal("invalid_json", (await client.ErrorAsync()).GetProperty("code").GetString());
        await client.SendAsync(new { type = "playback.ack" });
        Assert.Equal("bad_event", (await client.ErrorAsync()).GetProperty("code").GetString());
        await client.SendAsync(new { type = "session.update", session = new { voice = "NATM0.pt" } });
        Assert.Equal("voice_update_unsupported", (await client.ErrorAsync()).GetProperty("code").GetString());

        await client.SendBinaryAsync([1, 2, 3]);
        Assert.Equal("realtime_input_failed", (await client.ErrorAsync()).GetProperty("code").GetString());
        Assert.True(await client.ClosedAsync());
        Assert.Equal("transport_error", await _emulator.Sessions[0].Ended.WaitAsync(Eventually.Deadline));
    }

    [Fact]
    public async Task When_the_client_stops_sending_the_server_clocks_the_model_with_silence()
    {
        await using var client = await RawRealtimeSocket.ConnectAsync(_emulator.RealtimeUrl);
        await client.OpenAsync();

        await client.AppendAsync(new float[1920]);

        var session = _emulator.OpenedSessions[0];
        await Eventually.TrueAsync(() => session.InsertedSilenceFrames >= 3, "silence continuation");
        Assert.Single(session.Frames);
    }
}
