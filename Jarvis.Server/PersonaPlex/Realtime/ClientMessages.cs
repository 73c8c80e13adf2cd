using System.Buffers;
using System.Text.Json;
using Jarvis.Server.PersonaPlex.Client;

namespace Jarvis.Server.PersonaPlex.Realtime;

/// <summary>The client's control events (spec §3, §8, §9); audio appends are written by <see cref="AppendMessage"/>.</summary>
internal static class ClientMessages
{
    /// <summary><c>response.cancel</c>: restarts the model's context (a new epoch; the prefill is replayed on the next append).</summary>
    public static ReadOnlyMemory<byte> Cancel { get; } = "{\"type\":\"response.cancel\"}"u8.ToArray();

    /// <summary>
    /// The one <c>session.update</c> that opens the session: the persona, the voice, pcm_f32le in at 24 kHz (the rate declared,
    /// the connection's default is 16 kHz), pcm16 out, no turn detection (PersonaPlex is always clocked).
    /// </summary>
    public static byte[] SessionUpdate(string model, PersonaPlexPersona persona)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "session.update");
            json.WriteStartObject("session");
            json.WriteString("model", model);
            json.WriteStartArray("modalities");
            json.WriteStringValue("audio");
            json.WriteStringValue("text");
            json.WriteEndArray();
            json.WriteString("voice", persona.Voice);
            json.WriteString("instructions", persona.TextPrompt);
            json.WriteString("input_audio_format", "pcm_f32le");
            json.WriteNumber("sample_rate_hz", RealtimeAudio.SampleRate);
            json.WriteString("output_audio_format", "pcm16");
            json.WriteNull("turn_detection");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary><c>session.close</c> with a reason the server echoes in <c>session.closed</c> and its close frame.</summary>
    public static byte[] Close(string reason)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "session.close");
            json.WriteString("reason", reason);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
