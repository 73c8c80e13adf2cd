using System.Text.Json.Nodes;

namespace Jarvis.Server.Wyoming;

/// <summary>Factories for the events Jarvis sends, with the field names of wyoming-protocol.md.</summary>
public static class WyomingEvents
{
    public static WyomingEvent Describe() => new(WyomingEventTypes.Describe);

    public static WyomingEvent AudioStart(AudioFormat format, long? timestampMs = null) =>
        new(WyomingEventTypes.AudioStart, FormatData(format, timestampMs));

    public static WyomingEvent AudioChunk(AudioFormat format, ReadOnlyMemory<byte> pcm, long? timestampMs = null) =>
        new(WyomingEventTypes.AudioChunk, FormatData(format, timestampMs), pcm);

    public static WyomingEvent AudioStop(long? timestampMs = null) =>
        new(WyomingEventTypes.AudioStop, timestampMs is { } ts ? new JsonObject { ["timestamp"] = ts } : null);

    public static WyomingEvent Transcribe(string? language, string? model = null)
    {
        var data = new JsonObject();
        if (language is not null)
        {
            data["language"] = language;
        }

        if (model is not null)
        {
            data["name"] = model;
        }

        return new(WyomingEventTypes.Transcribe, data);
    }

    public static WyomingEvent Synthesize(string text, string? voice = null) =>
        new(WyomingEventTypes.Synthesize, WithVoice(new JsonObject { ["text"] = text }, voice));

    public static WyomingEvent SynthesizeStart(string? voice = null) => new(WyomingEventTypes.SynthesizeStart, WithVoice([], voice));

    public static WyomingEvent SynthesizeChunk(string text) => new(WyomingEventTypes.SynthesizeChunk, new JsonObject { ["text"] = text });

    public static WyomingEvent SynthesizeStop() => new(WyomingEventTypes.SynthesizeStop);

    public static WyomingEvent Detect(IEnumerable<string> names) =>
        new(WyomingEventTypes.Detect, new JsonObject { ["names"] = new JsonArray([.. names.Select(n => (JsonNode)n)]) });

    public static WyomingEvent Error(string text, string? code = null) =>
        new(WyomingEventTypes.Error, code is null ? new JsonObject { ["text"] = text } : new JsonObject { ["text"] = text, ["code"] = code });

    /// <summary>Reads <c>rate</c>/<c>width</c>/<c>channels</c> of an audio event; null when a field is missing or invalid.</summary>
    public static AudioFormat? ReadFormat(WyomingEvent evt)
    {
        if (evt.GetInt32("rate") is not { } rate || evt.GetInt32("width") is not { } width || evt.GetInt32("channels") is not { } channels)
        {
            return null;
        }

        var format = new AudioFormat(rate, width, channels);
        return format.IsValid ? format : null;
    }

    private static JsonObject FormatData(AudioFormat format, long? timestampMs)
    {
        var data = new JsonObject { ["rate"] = format.Rate, ["width"] = format.Width, ["channels"] = format.Channels };
        if (timestampMs is { } ts)
        {
            data["timestamp"] = ts;
        }

        return data;
    }

    private static JsonObject WithVoice(JsonObject data, string? voice)
    {
        if (!string.IsNullOrEmpty(voice))
        {
            data["voice"] = new JsonObject { ["name"] = voice };
        }

        return data;
    }
}
