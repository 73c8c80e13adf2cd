using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Jarvis.Satellite.Hosting;

namespace Jarvis.Satellite.Link;

/// <summary>
/// Supervises the link: connect, run a session, and on failure reconnect with capped exponential backoff
/// (reset after each welcome). A rejected hello is logged as an error with what to fix, shown on the LEDs,
/// and retried slowly.
/// </summary>
public sealed partial class LinkClientService(
    IOptions<LinkOptions> options, LinkSession session, Func<ILinkTransport> transports, SatelliteStatus status,
    Discovery.IServerLocator locator, TimeProvider time, ILogger<LinkClientService> logger) : BackgroundService
{
    private readonly LinkOptions settings = options.Value;

    private volatile int failures;

    /// <summary>Connections that reached welcome.</summary>
    public int Sessions { get; private set; }

    /// <summary>Failed attempts since the last welcome (drives the backoff).</summary>
    public int ConsecutiveFailures => failures;

    public TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(
        Math.Min(settings.ReconnectMaxMilliseconds, settings.ReconnectMinMilliseconds * Math.Pow(2, Math.Min(attempt, 20))));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Uri? configured = settings.ServerUrl.Length > 0 ? new Uri(settings.ServerUrl) : null;
        var uri = configured;
        failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan delay;
            try
            {
                uri = configured ?? await locator.LocateAsync(stoppingToken).ConfigureAwait(false);
                var transport = transports();
                await using (transport.ConfigureAwait(false))
                {
                    await transport.ConnectAsync(uri, stoppingToken)
                        .WaitAsync(TimeSpan.FromMilliseconds(settings.HandshakeTimeoutMilliseconds), time, stoppingToken).ConfigureAwait(false);
                    await session.RunAsync(transport, () => { failures = 0; Sessions++; }, stoppingToken).ConfigureAwait(false);
                    LinkRejection.ThrowIfFinal(transport.CloseInfo);
                }

                delay = Backoff(failures++);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (LinkRejectedException e)
            {
                LogRejected(e.Reason, e.Message, settings.RejectedRetrySeconds);
                status.SetError(true);
                delay = TimeSpan.FromSeconds(settings.RejectedRetrySeconds);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                delay = Backoff(failures++);
                LogRetry(uri?.ToString() ?? "the server (mDNS)", e.Message, delay.TotalMilliseconds);
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "The server rejected this satellite ({Reason}): {Message}. Check Satellite:Link:SatelliteId/Token against the server's configuration; retrying in {Seconds} s")]
    private partial void LogRejected(Protocol.Link.Messages.RejectReason reason, string message, int seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Link to {Uri} failed ({Error}); retrying in {DelayMs} ms")]
    private partial void LogRetry(string uri, string error, double delayMs);
}
