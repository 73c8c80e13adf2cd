namespace Jarvis.Server.PersonaPlex.Client;

/// <summary>Text prompt and voice prompt sent when a session opens.</summary>
public sealed record PersonaPlexPersona
{
    public PersonaPlexPersona(string textPrompt, string voice)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(textPrompt);
        ArgumentException.ThrowIfNullOrWhiteSpace(voice);
        TextPrompt = textPrompt;
        Voice = voice;
    }

    public string TextPrompt { get; }

    public string Voice { get; }
}
