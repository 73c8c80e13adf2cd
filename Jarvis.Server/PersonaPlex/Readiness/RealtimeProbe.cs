using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Jarvis.Protocol.Json;
using Jarvis.Server.Health;
using Jarvis.Server.PersonaPlex.Realtime;

namespace Jarvis.Server.PersonaPlex.Readiness;

/// <summary>
/// Checks a vLLM-Omni endpoint without opening a session (a session takes a slot and costs a prefill): <c>GET /health</c>
/// must answer 200 (503 = engine dead), and <c>GET /v1/models</c> must list the model Jarvis asks for.
/// </summary>
public sealed class RealtimeProbe
{
    private readonly HttpClient _http;

    public RealtimeProbe(HttpClient http)
    {
        _http = http;
    }

    /// <param name="endpoint">The <c>ws://host:port/v1/realtime</c> URL.</param>
    /// <param name="model">The model name Jarvis sends.</param>
    /// <param name="apiKey">The server's <c>--api-key</c>, if it has one.</param>
    /// <param name="configKey">Where the endpoint is configured, for messages.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    public async Task<BackendStatus> CheckAsync(Uri endpoint, string model, string? apiKey, string configKey, CancellationToken cancellationToken)
    {
        var health = RealtimeUrl.ForHealth(endpoint);
        try
        {
            using (var response = await _http.GetAsync(health, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
            {
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    return BackendStatus.Down($"{endpoint}: vLLM-Omni's engine is dead (GET {health.AbsolutePath} gave 503): restart the server");
                }

                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return BackendStatus.Down($"{endpoint}: unexpected HTTP {(int)response.StatusCode} to GET {health} (vLLM answers 200): is this vLLM-Omni?");
                }
            }

            return await CheckModelsAsync(endpoint, model, apiKey, configKey, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            return BackendStatus.Down($"{endpoint}: connection refused (vLLM-Omni not running, or still loading the model)");
        }
        catch (HttpRequestException ex)
        {
            return BackendStatus.Down($"{endpoint}: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return BackendStatus.Down($"{endpoint}: no answer to GET {health} within {_http.Timeout.TotalSeconds:0} s");
        }
    }

    private async Task<BackendStatus> CheckModelsAsync(Uri endpoint, string model, string? apiKey, string configKey, CancellationToken cancellationToken)
    {
        var models = RealtimeUrl.ForModels(endpoint);
        using var request = new HttpRequestMessage(HttpMethod.Get, models);
        if (!string.IsNullOrEmpty(apiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return BackendStatus.Down($"{endpoint}: vLLM-Omni wants an API key (GET {models.AbsolutePath} gave {(int)response.StatusCode}): set {configKey}:ApiKey to its --api-key");
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            return BackendStatus.Down($"{endpoint}: unexpected HTTP {(int)response.StatusCode} to GET {models}");
        }

        var served = ServedModels(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        if (served is null)
        {
            return BackendStatus.Down($"{endpoint}: GET {models} did not return vLLM's model list");
        }

        return served.Contains(model)
            ? BackendStatus.Up($"{endpoint}: vLLM-Omni ready, serving {model}")
            : BackendStatus.Down($"{endpoint}: vLLM-Omni serves {(served.Count == 0 ? "no model" : string.Join(", ", served))}, not {model}: set {configKey}:Model to the served name");
    }

    private static List<string>? ServedModels(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            return data.EnumerateArray()
                .Select(m => m.ValueKind == JsonValueKind.Object && m.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? JsonText.Read(id) : null)
                .OfType<string>()
                .ToList();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
