namespace Jarvis.Server.Routing;

/// <summary>Decides, per utterance, whether the fast model or the deep LLM answers.</summary>
public interface IQueryRouter
{
    RouteDecision Decide(string utterance);
}
