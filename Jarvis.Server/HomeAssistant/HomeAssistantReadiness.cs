using Jarvis.Server.Health;
using Jarvis.Server.HomeAssistant.Client;

namespace Jarvis.Server.HomeAssistant;

/// <summary>/health entry "homeassistant": connection state, REST check while the WebSocket is down.</summary>
internal sealed class HomeAssistantReadiness(HomeAssistantClient client) : IBackendReadiness
{
    public string Name => "homeassistant";

    public async Task<BackendStatus> CheckAsync(CancellationToken cancellationToken)
    {
        var status = client.Status;
        switch (status.State)
        {
            case HomeAssistantConnectionState.NotConfigured:
                return BackendStatus.Down("not configured");
            case HomeAssistantConnectionState.Connected:
                return BackendStatus.Up(status.Detail);
            case HomeAssistantConnectionState.AuthFailed:
                return BackendStatus.Down(status.Detail);
        }

        try
        {
            await client.CheckRestAsync(cancellationToken).ConfigureAwait(false);
            return BackendStatus.Up($"REST API reachable, WebSocket {status.State.ToString().ToLowerInvariant()}: {status.Detail}");
        }
        catch (Exception ex) when (ex is HomeAssistantException or HomeAssistantAuthException or HttpRequestException)
        {
            return BackendStatus.Down($"{status.State.ToString().ToLowerInvariant()}: {ex.Message}");
        }
    }
}
