using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.PersonaPlex.Clock;
using Jarvis.Server.PersonaPlex.Realtime;
using Microsoft.Extensions.Time.Testing;

namespace Jarvis.Server.Tests.PersonaPlex.Realtime;

public sealed class RealtimePartsTests
{
    [Fact]
    public void An_append_is_one_frame_of_pcm_f32le_in_base64_with_its_format_and_rate()
    {
        var frame = Enumerable.Range(0, 1920).Select(i => MathF.Sin(i / 10f) * 0.5f).ToArray();
        frame[7] = float.NaN;

        var json = JsonDocument.Parse(new AppendMessage().Write(frame)).RootElement;

        Assert.Equal("input_audio_buffer.append", json.GetProperty("type").GetString());
        Assert.Equal("pcm_f32le", json.GetProperty("format").GetString());
        Assert.Equal(24000, json.GetProperty("sample_rate_hz").GetInt32());
        var samples = MemoryMarshal.Cast<byte, float>(Convert.FromBase64String(json.GetProperty("audio").GetString()!)).ToArray();
        Assert.Equal(1920, samples.Length);
        Assert.Equal(0f, samples[7]); // a non-finite sample would make the server refuse the whole append
        Assert.Equal(frame[8], samples[8]);
    }

    [Fact]
    public void The_event_reader_finds_the_type_and_the_delta_without_copying()
    {
        var json = Encoding.UTF8.GetBytes("{\"delta\":\"AAAA\",\"metadata\":{\"type\":\"x\",\"delta\":\"no\"},\"type\":\"response.output_audio.delta\",\"format\":\"pcm16\"}");

        var read = ServerEventReader.Read(json);

        Assert.Equal(ServerEventKind.AudioDelta, read.Kind);
        Assert.Equal("AAAA", Encoding.UTF8.GetString(json.AsSpan(read.DeltaStart, read.DeltaLength)));
        Assert.False(read.DeltaEscaped);
    }

    [Theory]
    [InlineData("{\"type\":\"response.audio.delta\",\"delta\":\"AA\\/A\"}", "AudioDelta", true)]
    [InlineData("{\"type\":\"response.output_audio_transcript.delta\",\"delta\":\"llo\"}", "TextDelta", false)]
    [InlineData("{\"type\":\"session.created\",\"session\":{\"id\":\"s\"}}", "SessionCreated", false)]
    [InlineData("{\"type\":\"rate_limits.updated\",\"rate_limits\":[]}", "Other", false)]
    [InlineData("{\"type\":\"error\",\"error\":{\"code\":\"x\"}}", "Error", false)]
    [InlineData("[1,2]", "Unreadable", false)]
    [InlineData("{\"no\":\"type\"}", "Unreadable", false)]
    [InlineData("{\"type\":\"response.created\"", "Unreadable", false)]
    public void Events_are_classified_and_broken_ones_are_unreadable_never_a_crash(string json, string kind, bool escaped)
    {
        var read = ServerEventReader.Read(Encoding.UTF8.GetBytes(json));

        Assert.Equal(Enum.Parse<ServerEventKind>(kind), read.Kind);
        Assert.Equal(escaped, read.DeltaEscaped);
    }

    [Theory]
    [InlineData("resource_exhausted", "duplex_session_capacity_exhausted: limit=2", "Busy")]
    [InlineData("invalid_voice", "PersonaPlex voice must be a bundled .pt basename", "Configuration")]
    [InlineData("prefill_unavailable", "…not found…", "Configuration")]
    [InlineData("unsupported_audio_format", "Unsupported input_audio_format: x", "Configuration")]
    [InlineData("invalid_session_config", "bad", "Configuration")]
    [InlineData("invalid_duplex_runtime_config", "server-owned", "Configuration")]
    [InlineData("persona_update_unsupported", "…", "Configuration")]
    [InlineData("voice_update_unsupported", "…", "Configuration")]
    [InlineData("bad_event", "PersonaPlex sample_rate_hz must be 24000", "Configuration")]
    [InlineData("bad_event", "PersonaPlex input format must be pcm_f32le", "Configuration")]
    [InlineData("bad_event", "PersonaPlex pcm_f32le samples must be finite", "Refused")]
    [InlineData("bad_event", "Duplex event must be a JSON object with a type", "Refused")]
    [InlineData("bad_audio", "input audio is not valid base64", "Refused")]
    [InlineData("invalid_json", "Invalid JSON event", "Refused")]
    [InlineData("event_too_large", "Duplex event too large", "Refused")]
    [InlineData("unknown_event", "Unknown duplex event type: x", "Refused")]
    [InlineData("invalid_event_ack", "…", "Refused")]
    [InlineData("invalid_session_resume", "…", "Refused")]
    [InlineData("session_resume_expired", "…", "Refused")]
    [InlineData("unsupported_session_resume", "…", "Refused")]
    [InlineData("input_backpressure", "Duplex session has too many pending input bytes", "Backpressure")]
    [InlineData("runtime_append_failed", "streaming_prompt_context_limit_exceeded: projected=3001, limit=3000", "WindowFull")]
    [InlineData("runtime_append_failed", "stage 0 died", "SessionLost")]
    [InlineData("runtime_step_failed", "…", "SessionLost")]
    [InlineData("engine_error", "…", "SessionLost")]
    [InlineData("internal_error", "…", "SessionLost")]
    [InlineData("unknown_session", "…", "SessionLost")]
    [InlineData("session_closed", "…", "SessionLost")]
    [InlineData("realtime_input_failed", "…", "SessionLost")]
    [InlineData("config_timeout", "Timeout waiting for session.update", "SessionLost")]
    public void Every_error_of_the_catalogue_has_a_reaction(string code, string message, string kind)
    {
        var error = RealtimeServerError.Parse(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type = "error", error = new { type = "invalid_request_error", code, message } })));

        Assert.Equal(Enum.Parse<RealtimeErrorKind>(kind), error.Kind);
    }

    [Fact]
    public void A_busy_refusal_carries_the_servers_limit()
    {
        var error = RealtimeServerError.Parse("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"code\":\"resource_exhausted\",\"message\":\"duplex_session_capacity_exhausted: limit=2\"}}"u8);

        Assert.Equal(2, error.AdvertisedLimit);
        Assert.Equal("unreadable_error", RealtimeServerError.Parse("{oops"u8).Code);
    }

    [Fact]
    public void The_clock_admits_room_audio_up_to_real_time_fills_silence_behind_it_and_skips_a_stall()
    {
        var time = new FakeTimeProvider();
        var clock = new InputClock(time);

        Assert.True(clock.TryAdmit(480)); // one packet of lead
        Assert.False(clock.TryAdmit(480)); // ahead of real time: trimmed
        time.Advance(TimeSpan.FromMilliseconds(60));
        Assert.Equal(0, clock.TakeSilence(roomAttached: false)); // 40 ms behind is the idle lag
        time.Advance(TimeSpan.FromMilliseconds(40));
        Assert.Equal(960, clock.TakeSilence(roomAttached: false)); // 80 ms behind: brought back to 40
        time.Advance(TimeSpan.FromMilliseconds(60));
        Assert.Equal(0, clock.TakeSilence(roomAttached: true)); // with a room, silence waits for 100 ms of lag

        time.Advance(TimeSpan.FromSeconds(5));
        Assert.InRange(clock.TakeSilence(roomAttached: false), 0, 480); // a stall is skipped, never flooded with silence
        Assert.True(clock.SkippedSamples > 4 * 24000);
    }

    [Fact]
    public void The_window_restarts_at_a_pause_from_three_quarters_and_at_the_latest_at_95_percent()
    {
        var time = new FakeTimeProvider();
        var window = new RealtimeWindow(new PersonaPlexEndpointOptions { Url = "ws://g/v1/realtime", WindowFrames = 3000, PrefillFrames = 300 }, time);
        Assert.Equal(2025, window.RotateAtPauseFrom);
        Assert.Equal(2565, window.RotateBy);

        for (var i = 0; i < 2030; i++)
        {
            window.FrameSent(quiet: false);
        }

        window.FramesReceived(2029, lastQuiet: false);
        Assert.Equal(WindowDecision.None, window.Check(roomAttached: true)); // someone speaks
        Assert.Equal(WindowDecision.AtPause, window.Check(roomAttached: false));
        for (var i = 0; i < RealtimeWindow.PauseFrames; i++)
        {
            window.FrameSent(quiet: true);
        }

        window.FramesReceived(RealtimeWindow.PauseFrames, lastQuiet: true);
        Assert.Equal(WindowDecision.AtPause, window.Check(roomAttached: true));
        window.FramesReceived(600, lastQuiet: false);
        Assert.Equal(WindowDecision.Forced, window.Check(roomAttached: true)); // silence the server added counts too
        window.Restart();
        Assert.Equal(WindowDecision.None, window.Check(roomAttached: false));
    }

    [Theory]
    [InlineData("ws://gpu:8000/v1/realtime", "ws://gpu:8000/v1/realtime?duplex=1&model=nvidia%2Fpersonaplex-7b-v1&autostart=0", "http://gpu:8000/health")]
    [InlineData("wss://box/omni/v1/realtime", "wss://box/omni/v1/realtime?duplex=1&model=nvidia%2Fpersonaplex-7b-v1&autostart=0", "https://box/omni/health")]
    public void Urls_for_the_session_and_the_probe(string endpoint, string session, string health)
    {
        var url = new Uri(endpoint);

        Assert.Equal(session, RealtimeUrl.ForSession(url, PersonaPlexEndpointOptions.DefaultModel).AbsoluteUri);
        Assert.Equal(health, RealtimeUrl.ForHealth(url).AbsoluteUri);
        Assert.EndsWith("/v1/models", RealtimeUrl.ForModels(url).AbsoluteUri);
    }

    // Found by the fuzz target realtime (tests/Jarvis.Fuzz): Utf8JsonReader does not validate UTF-8 it skips, so an event
    // classified as error / session.* / a delta threw InvalidOperationException when its strings were read.
    [Theory]
    [InlineData("eyJ0eXBlIjoiZXJyb3IiLCJlcnJvciI6eyJjb2RlIjoigCJ9fQ==")] // {"type":"error","error":{"code":"\x80"}}
    [InlineData("eyJkZWx0YSI6IlwvvmdCZiIsInR5cGUiOiJyZXNwb25zZS5hdWRpby5kZWx0YSJ9")] // escaped audio delta with \xbe
    [InlineData("eyJ0eXBlIjoic2Vzc2lvbi5jcmVhdGVkIiwic2Vzc2lvbiI6eyJpZCI6IvgifX0=")] // session id \xf8
    public void An_event_with_invalid_utf8_is_unreadable(string base64)
    {
        var read = ServerEventReader.Read(Convert.FromBase64String(base64));

        Assert.Equal(ServerEventKind.Unreadable, read.Kind);
    }

    // Found by the fuzz target realtime: a lone surrogate escape ("\uDA09", valid JSON, as Python writes a string cut inside
    // an emoji) threw InvalidOperationException where the text of a delta or the type was read.
    [Fact]
    public void A_text_delta_with_a_lone_surrogate_reads_with_a_replacement_character()
    {
        var json = Encoding.UTF8.GetBytes("""{"type":"response.output_audio_transcript.delta","delta":"Hello \uDA09 there"}""");
        var read = ServerEventReader.Read(json);

        Assert.Equal(ServerEventKind.TextDelta, read.Kind);
        Assert.Equal("Hello \uFFFD there", RealtimeConnection.DeltaText(json, read));
    }

    [Theory]
    [InlineData("""{"type":"session.cr\uDA09eated"}""")]
    [InlineData("""{"ty\uDA09pe":"session.created","type":"error"}""")]
    public void A_type_or_name_with_a_lone_surrogate_is_unreadable(string json)
    {
        Assert.Equal(ServerEventKind.Unreadable, ServerEventReader.Read(Encoding.UTF8.GetBytes(json)).Kind);
    }
}
