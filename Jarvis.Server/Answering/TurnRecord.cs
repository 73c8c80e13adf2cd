using Jarvis.Server.Conversation;

namespace Jarvis.Server.Answering;

/// <summary>
/// What one turn did and how long each stage took (end of speech → transcript → first token → first audio to the room),
/// for the status page, /metrics and the A/B report. <see cref="Route"/> and <see cref="Handling"/> use the words of
/// <see cref="TurnRoutes"/>: route home, fast, deep, cached, rating, ignored (none: interrupted or failed before it was
/// decided); handling passed (PersonaPlex answers), home, canned, rating, llm, cached, ignored.
/// </summary>
public sealed record TurnRecord
{
    public required string Id { get; init; }

    public required string Room { get; init; }

    public required TurnMode Mode { get; init; }

    public required string Transcript { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public string Route { get; init; } = TurnRoutes.None;

    public double Score { get; init; }

    public string Handling { get; init; } = TurnRoutes.None;

    /// <summary>For ignored turns, why the transcript carries no request: <c>empty</c>, <c>hallucination "thank you"</c>, …</summary>
    public string? IgnoredBecause { get; init; }

    /// <summary>For home turns, what the home engine made of it: done, failed, answer, offer, clarify, thanks, acknowledge.</summary>
    public string? Home { get; init; }

    public TimeSpan? EndOfSpeechToTranscript { get; init; }

    public TimeSpan? EndOfSpeechToFirstToken { get; init; }

    public TimeSpan? EndOfSpeechToFirstAudio { get; init; }

    /// <summary>First complete sentence from the LLM → first Opus packet leaving for the room.</summary>
    public TimeSpan? FirstSentenceToFirstAudio { get; init; }

    public TimeSpan? Total { get; init; }

    public string? AnswerText { get; init; }

    public bool Spoke { get; init; }

    public bool Fallback { get; init; }

    public bool Interrupted { get; init; }

    public string? Error { get; init; }
}
