using System.Text.Json;
using System.Text.Json.Nodes;
using Jarvis.Protocol.Json;

namespace Jarvis.Server.Wyoming;

/// <summary>What a Wyoming service offers, from its <c>info</c> event (asr/tts/wake programs and their models or voices).</summary>
public sealed record WyomingInfo(IReadOnlyList<WyomingProgram> Asr, IReadOnlyList<WyomingProgram> Tts, IReadOnlyList<WyomingProgram> Wake)
{
    public bool SupportsTranscriptStreaming => Asr.Any(p => p.SupportsStreaming);

    public bool SupportsSynthesizeStreaming => Tts.Any(p => p.SupportsStreaming);

    public static WyomingInfo Parse(WyomingEvent info)
    {
        if (info.Type != WyomingEventTypes.Info)
        {
            throw new WyomingProtocolException($"expected info, got {info.Type}");
        }

        return new WyomingInfo(
            Programs(info.Data["asr"], "models", "supports_transcript_streaming"),
            Programs(info.Data["tts"], "voices", "supports_synthesize_streaming"),
            Programs(info.Data["wake"], "models", null));
    }

    public override string ToString() =>
        $"asr [{string.Join(", ", Asr)}] tts [{string.Join(", ", Tts)}] wake [{string.Join(", ", Wake)}]";

    private static List<WyomingProgram> Programs(JsonNode? node, string modelsKey, string? streamingFlag) =>
        node is not JsonArray array
            ? []
            : [.. array.OfType<JsonObject>().Select(p => new WyomingProgram(
                Text(p["name"]) ?? "",
                p[modelsKey] is JsonArray models ? [.. models.OfType<JsonObject>().Select(Model)] : [],
                streamingFlag is not null && p[streamingFlag] is JsonValue f && f.GetValueKind() == JsonValueKind.True))];

    private static WyomingModel Model(JsonObject m) => new(
        Text(m["name"]) ?? "",
        m["languages"] is JsonArray langs ? [.. langs.Select(Text).OfType<string>()] : [],
        Text(m["phrase"]));

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? JsonText.Read(v) : null;
}
