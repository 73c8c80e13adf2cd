using Jarvis.Server.Health;
using Microsoft.Extensions.Options;
using OllamaSharp;

namespace Jarvis.Server.Llm;

/// <summary>/health readiness of Ollama: the server answers <c>/api/version</c> and the configured model is pulled (<c>/api/tags</c>).</summary>
public sealed class OllamaReadiness(IOllamaApiClient client, IOptionsMonitor<OllamaOptions> options) : IBackendReadiness
{
    public string Name => "ollama";

    public async Task<BackendStatus> CheckAsync(CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        try
        {
            var version = await client.GetVersionAsync(cancellationToken).ConfigureAwait(false);
            var models = await client.ListLocalModelsAsync(cancellationToken).ConfigureAwait(false);
            var wanted = o.Model.Contains(':', StringComparison.Ordinal) ? o.Model : o.Model + ":latest";
            return models.Any(m => m.Name == wanted || m.Name == o.Model)
                ? BackendStatus.Up($"{o.Url}: Ollama {version}, model {o.Model}")
                : BackendStatus.Down($"{o.Url}: Ollama {version} is up but model {o.Model} is not pulled (ollama pull {o.Model})");
        }
        catch (HttpRequestException ex)
        {
            return BackendStatus.Down($"Ollama not reachable at {o.Url}: {ex.Message}");
        }
    }
}
