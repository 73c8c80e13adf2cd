namespace Jarvis.Server.Security;

/// <summary>Loads (or at first start generates and shows) the API token when the server starts, not at the first request.</summary>
internal sealed class ApiTokenStartup(ApiToken token) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = token.Value;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
