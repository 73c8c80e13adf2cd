namespace Jarvis.Server.Routing;

/// <summary>One line of a routing corpus: the query and its expected route.</summary>
public sealed record LabelledQuery(string Query, QueryRoute Expected);
