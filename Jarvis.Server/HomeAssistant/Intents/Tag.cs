namespace Jarvis.Server.HomeAssistant.Intents;

/// <summary>
/// A span of the utterance with every reading it has: names of the home, grammar words, or a number.
/// A span can carry both a name and a word ("light" is an entity called Light and the noun light).
/// </summary>
public sealed record Tag(int Start, int Length, string Text, IReadOnlyList<NameRef> Names, IReadOnlyList<LexItem> Words, double? Number)
{
    public bool Is(WordKind kind) => Words.Any(w => w.Kind == kind);

    public LexItem? Word(WordKind kind) => Words.FirstOrDefault(w => w.Kind == kind);

    public bool IsFiller => Names.Count == 0 && Words.Count == 0 && Number is null;
}
