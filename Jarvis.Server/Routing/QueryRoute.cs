namespace Jarvis.Server.Routing;

/// <summary>Where a turn goes: the fast conversational model (PersonaPlex) or the deep LLM (Ollama).</summary>
public enum QueryRoute
{
    Fast,
    Deep,
}
