namespace Jarvis.Server.Wyoming;

/// <summary>A model or voice of a Wyoming program: its name, languages and (for wake words) the spoken phrase.</summary>
public sealed record WyomingModel(string Name, IReadOnlyList<string> Languages, string? Phrase);
