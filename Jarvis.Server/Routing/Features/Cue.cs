namespace Jarvis.Server.Routing.Features;

/// <summary>
/// A named routing cue: phrases (space-separated words, '|' between alternatives, written without apostrophes), a logit
/// weight per distinct matching phrase up to <see cref="MaxHits"/>, and the utterance length range where it applies.
/// </summary>
internal sealed record Cue(string Name, double Weight, CueScope Scope, string Phrases)
{
    public int MaxHits { get; init; } = 1;

    public int MinWords { get; init; }

    public int MaxWords { get; init; } = int.MaxValue;

    /// <summary>Cues in the same group do not add up: only the strongest one of the group counts.</summary>
    public string? Group { get; init; }

    public IEnumerable<string[]> PhraseTokens() =>
        Phrases.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
