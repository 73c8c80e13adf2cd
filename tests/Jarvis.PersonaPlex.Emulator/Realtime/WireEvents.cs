using System.Buffers;
using System.Text.Json;

namespace Jarvis.PersonaPlex.Emulator.Realtime;

/// <summary>Server events as vLLM-Omni projects them (spec §2, §5): <c>type</c>, <c>event_id</c> (<c>event_</c> + 32 hex), then the fields.</summary>
internal static class WireEvents
{
    public static byte[] Build(string type, Action<Utf8JsonWriter>? body = null)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", type);
            json.WriteString("event_id", "event_" + Guid.NewGuid().ToString("N"));
            body?.Invoke(json);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Error(WireError error) => Build("error", json =>
    {
        json.WriteStartObject("error");
        json.WriteString("type", WireErrors.TypeOf(error.Code));
        json.WriteString("code", error.Code);
        json.WriteString("message", error.Message);
        if (error.EventId is { } eventId)
        {
            json.WriteString("event_id", eventId);
        }

        json.WriteEndObject();
    });

    public static byte[] Session(string type, string id, SessionSettings settings, int maxSessions) => Build(type, json =>
    {
        json.WriteStartObject("session");
        json.WriteString("object", "realtime.session");
        json.WriteString("type", "realtime");
        json.WriteString("id", id);
        json.WriteString("model", settings.Model);
        WriteStrings(json, "modalities", ["audio", "text"]);
        WriteStrings(json, "output_modalities", ["audio", "text"]);
        json.WriteString("input_audio_format", settings.InputFormat);
        json.WriteString("output_audio_format", settings.OutputFormat);
        json.WriteStartObject("audio");
        json.WriteStartObject("input");
        json.WriteStartObject("format");
        json.WriteString("type", "audio/" + settings.InputFormat);
        json.WriteNumber("rate", settings.InputRate);
        json.WriteEndObject();
        json.WriteNumber("sample_rate_hz", settings.InputRate);
        json.WriteEndObject();
        json.WriteStartObject("output");
        json.WriteStartObject("format");
        json.WriteString("type", "audio/pcm");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteNull("turn_detection");
        json.WriteNull("input_audio_transcription");
        json.WriteNull("tracing");
        json.WriteString("voice", settings.Voice);
        json.WriteString("instructions", settings.Instructions);
        json.WriteNumber("idle_timeout_s", settings.IdleTimeoutSeconds);
        WriteCapabilities(json, maxSessions);
        json.WriteEndObject();
    });

    public static byte[] ResponseCreated(string responseId) => Build("response.created", json =>
    {
        json.WriteString("response_id", responseId);
        json.WriteStartObject("response");
        json.WriteString("id", responseId);
        json.WriteString("object", "realtime.response");
        json.WriteString("status", "in_progress");
        json.WriteNull("status_details");
        json.WriteStartArray("output");
        json.WriteEndArray();
        WriteStrings(json, "modalities", ["audio", "text"]);
        json.WriteStartObject("metadata");
        json.WriteEndObject();
        json.WriteEndObject();
    });

    public static byte[] Item(string type, string responseId) => Build(type, json =>
    {
        json.WriteNull("previous_item_id");
        WriteItem(json, responseId, "in_progress");
    });

    public static byte[] OutputItem(string type, string responseId, string status) => Build(type, json =>
    {
        json.WriteString("response_id", responseId);
        json.WriteNumber("output_index", 0);
        WriteItem(json, responseId, status);
    });

    public static byte[] ContentPart(string type, string responseId) => Build(type, json =>
    {
        WritePosition(json, responseId);
        json.WriteStartObject("part");
        json.WriteString("type", "audio");
        json.WriteString("transcript", string.Empty);
        json.WriteEndObject();
    });

    public static byte[] AudioDelta(string responseId, string sessionId, int epoch, byte[] pcm16) => Build("response.output_audio.delta", json =>
    {
        WritePosition(json, responseId);
        json.WriteBase64String("delta", pcm16);
        json.WriteString("format", "pcm16");
        json.WriteNumber("sample_rate_hz", 24000);
        json.WriteStartObject("metadata");
        json.WriteString("session_id", sessionId);
        json.WriteNumber("epoch", epoch);
        json.WriteBoolean("end_of_turn", false);
        json.WriteNumber("audio_duration_ms", pcm16.Length / 48);
        json.WriteStartObject("vllm_omni");
        json.WriteString("runtime_impl", "scheduler_data_plane");
        json.WriteBoolean("uses_model_runner_scheduler", true);
        json.WriteBoolean("runner_kv_backed", true);
        json.WriteEndObject();
        json.WriteEndObject();
    });

    public static byte[] TranscriptDelta(string responseId, string text) => Build("response.output_audio_transcript.delta", json =>
    {
        WritePosition(json, responseId);
        json.WriteString("delta", text);
    });

    public static byte[] ResponseDone(string responseId, string status) => Build("response.done", json =>
    {
        json.WriteString("response_id", responseId);
        json.WriteStartObject("response");
        json.WriteString("id", responseId);
        json.WriteString("object", "realtime.response");
        json.WriteString("status", status);
        json.WriteEndObject();
    });

    private static void WriteItem(Utf8JsonWriter json, string responseId, string status)
    {
        json.WriteStartObject("item");
        json.WriteString("id", "item_" + responseId);
        json.WriteString("object", "realtime.item");
        json.WriteString("type", "message");
        json.WriteString("role", "assistant");
        json.WriteString("status", status);
        json.WriteStartArray("content");
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter json, string responseId)
    {
        json.WriteString("response_id", responseId);
        json.WriteString("item_id", "item_" + responseId);
        json.WriteNumber("output_index", 0);
        json.WriteNumber("content_index", 0);
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, string[] values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteCapabilities(Utf8JsonWriter json, int maxSessions)
    {
        json.WriteStartObject("capabilities");
        json.WriteString("implementation_level", "model_native_duplex");
        json.WriteNumber("chunk_period_ms", 80);
        json.WriteBoolean("supports_client_commit", false);
        json.WriteBoolean("supports_external_turn_signal", false);
        json.WriteBoolean("supports_barge_in", false);
        json.WriteBoolean("supports_audio_truncate", false);
        json.WriteBoolean("supports_playback_ack", true);
        json.WriteBoolean("supports_input_append", true);
        json.WriteBoolean("supports_session_resume", false);
        json.WriteBoolean("supports_session_lease", true);
        json.WriteBoolean("supports_multi_session", maxSessions > 1);
        json.WriteBoolean("supports_multi_session_same_replica", maxSessions > 1);
        json.WriteString("session_admission_mode", "engine_managed");
        WriteStrings(json, "adapter_patterns", ["scheduler_data_plane"]);
        WriteStrings(json, "signal_sources", ["model_native", "client_event"]);
        json.WriteString("stage_handoff_transport", "scheduler_data_plane");
        json.WriteNull("target_barge_in_latency_ms");
        json.WriteEndObject();
    }
}
