using System.Text.Json.Nodes;

namespace Jarvis.Server.Tests.Emulators.Ollama;

/// <summary>Response objects of the Ollama emulator, with the fields and units of ollama-api.md (durations in ns).</summary>
internal static class OllamaShapes
{
    public static object Tag(string name) => new
    {
        name,
        model = name,
        modified_at = "2026-11-01T10:00:00.000000000Z",
        size = 4_920_753_328L,
        digest = "46e0c10c039e019119339687c3c1757cc81b9da49709a3b3924863ba87ca666e",
        details = new { parent_model = "", format = "gguf", family = "llama", families = new[] { "llama" }, parameter_size = "8.0B", quantization_level = "Q4_K_M" },
    };

    public static JsonObject Final(string model, string content, string reason, int evalCount = 0) => new()
    {
        ["model"] = model,
        ["created_at"] = DateTime.UtcNow.ToString("O"),
        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
        ["done"] = true,
        ["done_reason"] = reason,
        ["total_duration"] = 1_200_000_000L,
        ["load_duration"] = 20_000_000L,
        ["prompt_eval_count"] = 26,
        ["prompt_eval_duration"] = 130_000_000L,
        ["eval_count"] = evalCount,
        ["eval_duration"] = 900_000_000L,
    };
}
