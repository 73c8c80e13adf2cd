using System.ComponentModel.DataAnnotations;

namespace Jarvis.Server.Llm;

/// <summary><c>Ollama</c> section: the deep LLM for hard questions.</summary>
public sealed class OllamaOptions
{
    public const string Section = "Ollama";

    [Required]
    [Hosting.Configuration.UrlSchemes("http", "https")]
    public Uri Url { get; set; } = new("http://localhost:11434");

    [Required(AllowEmptyStrings = false)]
    public string Model { get; set; } = "llama3.1:8b";

    /// <summary>Ollama keep_alive: a Go duration ("30m") or seconds; negative ("-1") keeps the model loaded for good.</summary>
    [Required(AllowEmptyStrings = false)]
    public string KeepAlive { get; set; } = "-1";

    /// <summary>Question/answer pairs of a room's conversation sent along with a new question.</summary>
    [Range(0, 100)]
    public int HistoryTurns { get; set; } = 6;

    /// <summary>Persona: how Jarvis answers (spoken, so short sentences and no markdown).</summary>
    [Required(AllowEmptyStrings = false)]
    public string SystemPrompt { get; set; } =
        "You are Jarvis, a calm, witty home assistant. Your answers are spoken aloud: use plain sentences, no markdown, "
        + "no lists with symbols, no code blocks unless asked; keep answers under about 150 words unless asked for more.";

    /// <summary>Longest wait for the first token (model loading included) before apologising.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan FirstTokenTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Load the model when the server starts (an empty chat request with keep_alive).</summary>
    public bool WarmUpOnStart { get; set; } = true;
}
