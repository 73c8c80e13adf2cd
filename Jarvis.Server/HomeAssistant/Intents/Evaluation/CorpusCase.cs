using System.Text.Json;

namespace Jarvis.Server.HomeAssistant.Intents.Evaluation;

/// <summary>One line of an ha-intents corpus: sentence, expected intent and slots, optional speaker area.</summary>
public sealed record CorpusCase(string Sentence, string Intent, IReadOnlyDictionary<string, JsonElement> Slots, string? ContextArea)
{
    public static IEnumerable<CorpusCase> ReadJsonLines(string path)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonElement root;
            try
            {
                root = JsonDocument.Parse(line).RootElement;
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: not JSON ({ex.Message})", ex);
            }

            var sentence = root.TryGetProperty("sentence", out var s) ? s.GetString() : null;
            var intent = root.TryGetProperty("intent", out var i) ? i.GetString() : null;
            if (sentence is null || intent is null)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: needs \"sentence\" and \"intent\"");
            }

            var slots = root.TryGetProperty("slots", out var sl) && sl.ValueKind == JsonValueKind.Object
                ? sl.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())
                : [];
            string? area = null;
            if (root.TryGetProperty("context", out var context) && context.ValueKind == JsonValueKind.Object
                && context.TryGetProperty("area", out var a) && a.ValueKind == JsonValueKind.String)
            {
                area = a.GetString();
            }

            yield return new CorpusCase(sentence, intent, slots, area);
        }
    }
}
