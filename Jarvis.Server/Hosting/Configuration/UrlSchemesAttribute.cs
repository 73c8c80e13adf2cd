namespace Jarvis.Server.Hosting.Configuration;

/// <summary>
/// The URL schemes a configuration property accepts (<c>http</c>, <c>ws</c>, <c>tcp</c>, …): checked at start so that
/// <c>Ollama:Url = localhost:11434</c> is refused with the expected form instead of failing later.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class UrlSchemesAttribute(params string[] schemes) : Attribute
{
    public IReadOnlyList<string> Schemes { get; } = schemes;
}
