namespace Jarvis.Server.Health;

/// <summary>
/// One backend the server depends on (PersonaPlex, MQTT, Home Assistant, Ollama, speech), as seen by
/// <c>/health</c>. Register implementations with <c>services.AddSingleton&lt;IBackendReadiness, …&gt;()</c>.
/// A check never throws: an unreachable backend is a <see cref="BackendStatus"/> that says so.
/// </summary>
public interface IBackendReadiness
{
    /// <summary>Short stable name used as the JSON key (e.g. "personaplex").</summary>
    string Name { get; }

    Task<BackendStatus> CheckAsync(CancellationToken cancellationToken);
}
