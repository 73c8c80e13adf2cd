using Microsoft.Extensions.Options;
using OllamaSharp;
using OllamaSharp.Models.Chat;

namespace Jarvis.Server.Llm;

/// <summary>
/// Loads the configured model when the server starts (an empty chat request with keep_alive), so that the first deep
/// question does not wait for the model to load. While Ollama cannot be reached it retries with a back-off from
/// <see cref="FirstRetryDelay"/> to <see cref="LongestRetryDelay"/>; a problem is logged as a warning once and again only
/// when it changes, so a house without Ollama running does not fill its log.
/// </summary>
public sealed class OllamaWarmup(IOllamaApiClient client, IOptionsMonitor<OllamaOptions> options, TimeProvider timeProvider, ILogger<OllamaWarmup> logger)
    : BackgroundService
{
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan LongestRetryDelay = TimeSpan.FromMinutes(10);

    /// <summary>The wait after <paramref name="current"/>: twice as long, at most <see cref="LongestRetryDelay"/>.</summary>
    public static TimeSpan NextRetryDelay(TimeSpan current) => TimeSpan.FromTicks(Math.Min(current.Ticks * 2, LongestRetryDelay.Ticks));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.WarmUpOnStart)
        {
            return;
        }

        var delay = FirstRetryDelay;
        string? lastProblem = null;
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
                var problem = $"{o.Model} at {o.Url}: {ex.Message}";
                if (problem != lastProblem)
                {
                    logger.LogWarning("Could not load Ollama model {Model} at {Url}: {Error}; retrying in {Delay} s, then less often (deep questions load it when asked)",
                        o.Model, o.Url, ex.Message, delay.TotalSeconds);
                    lastProblem = problem;
                }
                else
                {
                    logger.LogDebug("Still cannot load Ollama model {Model} at {Url}: {Error}; retrying in {Delay} s", o.Model, o.Url, ex.Message, delay.TotalSeconds);
                }
            }

            try
            {
                await Task.Delay(delay, timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            delay = NextRetryDelay(delay);
        }
    }
}
