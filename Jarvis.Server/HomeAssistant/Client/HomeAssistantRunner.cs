using System.Text.Json.Nodes;
using Jarvis.Server.HomeAssistant.Model;
using Jarvis.Server.Reconnect;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.HomeAssistant.Client;

/// <summary>
/// Supervises the WebSocket connection: connect, authenticate, load the registries and states, subscribe to
/// state and registry changes, keep the model current, ping. Transient failures reconnect with capped exponential
/// backoff (reset after success), cut short when Home Assistant's port opens again (<see cref="ReconnectWait"/>); a rejected
/// token stops the loop and says what to fix.
/// </summary>
internal sealed partial class HomeAssistantRunner(
    HomeAssistantClient client,
    IOptions<HomeAssistantOptions> options,
    TimeProvider time,
    IPortProbe probe,
    ILogger<HomeAssistantRunner> logger) : BackgroundService
{
    private static readonly string[] RegistryEvents = ["entity_registry_updated", "area_registry_updated", "device_registry_updated", "floor_registry_updated"];
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            LogNotConfigured(logger);
            return;
        }

        var reconnectWait = new ReconnectWait(settings.BaseUri(), settings.ReconnectProbeInterval, time, probe);
        var delay = settings.ReconnectDelayMin;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                client.SetStatus(HomeAssistantConnectionState.Connecting, settings.Url);
                await using var connection = await HomeAssistantConnection.OpenAsync(settings.WebSocketUri(), settings.Token, time, settings.RequestTimeout, stoppingToken).ConfigureAwait(false);
                // Subscribe first: changes that happen while the registries load queue up and are applied after the load.
                await connection.SendAsync(new JsonObject { ["type"] = "subscribe_events", ["event_type"] = "state_changed" }, stoppingToken).ConfigureAwait(false);
                foreach (var registryEvent in RegistryEvents)
                {
                    await connection.SendAsync(new JsonObject { ["type"] = "subscribe_events", ["event_type"] = registryEvent }, stoppingToken).ConfigureAwait(false);
                }

                await RegistrySync.LoadAsync(connection, client.Model, stoppingToken).ConfigureAwait(false);

                client.Attach(connection);
                client.SetStatus(HomeAssistantConnectionState.Connected, $"{settings.Url} (Home Assistant {connection.HaVersion}, {client.Model.Snapshot.Entities.Count} entities)");
                LogConnected(logger, settings.Url, client.Model.Snapshot.Entities.Count);
                delay = settings.ReconnectDelayMin;
                using var connectionEnd = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var heartbeat = HeartbeatAsync(connection, connectionEnd.Token);
                await PumpEventsAsync(connection, stoppingToken).ConfigureAwait(false);
                await connectionEnd.CancelAsync().ConfigureAwait(false);
                await heartbeat.ConfigureAwait(false);
                client.SetStatus(HomeAssistantConnectionState.Disconnected, "connection lost");
                LogDisconnected(logger, settings.Url, "connection closed");
            }
            catch (HomeAssistantAuthException ex)
            {
                var detail = $"Home Assistant rejected the token ({ex.Message}): create a long-lived access token under your profile and set HomeAssistant:Token";
                client.SetStatus(HomeAssistantConnectionState.AuthFailed, detail);
                LogAuthFailed(logger, detail);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HomeAssistantException or System.Net.WebSockets.WebSocketException or HttpRequestException or IOException or OperationCanceledException)
            {
                client.SetStatus(HomeAssistantConnectionState.Disconnected, ex.Message);
                LogDisconnected(logger, settings.Url, ex.Message);
            }
            catch (Exception ex)
            {
                // Unexpected data from Home Assistant must not stop the server: report, back off, reconnect.
                client.SetStatus(HomeAssistantConnectionState.Disconnected, ex.Message);
                LogUnexpected(logger, ex);
            }
            finally
            {
                client.Attach(null);
            }

            try
            {
                await reconnectWait.DelayAsync(delay, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.ReconnectDelayMax.Ticks));
        }
    }

    private async Task PumpEventsAsync(HomeAssistantConnection connection, CancellationToken cancellationToken)
    {
        await foreach (var haEvent in connection.Events.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var type = haEvent.EventType;
            if (type == "state_changed" && HaJson.Text(haEvent.Data, "entity_id") is { } entityId)
            {
                client.Model.ApplyStateChanged(entityId, RegistrySync.ToState(haEvent.Data?["new_state"] as JsonObject));
            }
            else if (type is not null && RegistryEvents.Contains(type))
            {
                await RegistrySync.LoadAsync(connection, client.Model, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task HeartbeatAsync(HomeAssistantConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(PingInterval, time, cancellationToken).ConfigureAwait(false);
                await connection.PingAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Connection ended or server stopping.
        }
        catch (HomeAssistantException ex)
        {
            LogDisconnected(logger, "ping", ex.Message);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Home Assistant is not configured (HomeAssistant:Url/Token empty): home control is off")]
    private static partial void LogNotConfigured(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to Home Assistant at {Url} ({Entities} entities)")]
    private static partial void LogConnected(ILogger logger, string url, int entities);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Home Assistant connection to {Url} ended: {Reason}; reconnecting")]
    private static partial void LogDisconnected(ILogger logger, string url, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unexpected failure of the Home Assistant connection; reconnecting")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Detail}. Not reconnecting until the configuration changes")]
    private static partial void LogAuthFailed(ILogger logger, string detail);
}
