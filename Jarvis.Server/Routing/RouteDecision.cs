namespace Jarvis.Server.Routing;

/// <summary>
/// A routing decision: the route, the complexity score in [0, 1] it came from, whether the utterance is a home command
/// (always fast, also handed to the Home Assistant engine), and the features that fired (the explanation).
/// </summary>
public sealed record RouteDecision(QueryRoute Route, double Score, bool IsHomeCommand, string NormalizedQuery, IReadOnlyList<FiredFeature> Features)
{
    public string Explain() =>
        $"{Route.ToString().ToLowerInvariant()} score={Score:0.000}{(IsHomeCommand ? " home-command" : "")}: {string.Join(", ", Features)}";
}
