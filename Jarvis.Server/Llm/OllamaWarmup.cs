using Microsoft.Extensions.Options;
using OllamaSharp;
using OllamaSharp.Models.Chat;

namespace Jarvis.Server.Llm;

/// <summary>
/// Loads the model when the server starts (a chat request with no messages and the configured keep_alive) so the first
/// hard question does not pay the load time. Retries every 30 s while Ollama is unreachable; a failure is only logged.
/// </summary>
public sealed class OllamaWarmup(IOllamaApiClient client, IOptionsMonitor<OllamaOptions> options, TimeProvider timeProvider, ILogger<OllamaWarmup> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.WarmUpOnStart)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var o = options.CurrentValue;
            try
            {
                var request = new ChatRequest { Model = o.Model, Messages = [], Stream = false, KeepAlive = o.KeepAlive };
                await foreach (var _ in client.ChatAsync(request, stoppingToken).ConfigureAwait(false))
                {
                }

                logger.LogInformation("Ollama model {Model} loaded at {Url} (keep_alive {KeepAlive})", o.Model, o.Url, o.KeepAlive);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or OllamaSharp.Models.Exceptions.OllamaException or System.Text.Json.JsonException)
            {
                logger.LogWarning("Could not load Ollama model {Model} at {Url}: {Error}; retrying in {Delay} s", o.Model, o.Url, ex.Message, RetryDelay.TotalSeconds);
            }

            await Task.Delay(RetryDelay, timeProvider, stoppingToken).ConfigureAwait(false);
        }
    }
}
