using System.Text.Json.Nodes;
using Jarvis.Server.HomeAssistant.Model;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.HomeAssistant.Client;

/// <summary>
/// Home Assistant as the rest of the server sees it: the live <see cref="Model"/>, the connection status, service
/// calls and HA's own conversation agent. Uses the WebSocket while it is up and the REST API otherwise.
/// </summary>
public sealed class HomeAssistantClient
{
    private readonly HomeAssistantOptions _options;
    private readonly HomeAssistantRest _rest;
    private volatile HomeAssistantConnection? _connection;

    public HomeAssistantClient(IOptions<HomeAssistantOptions> options, HomeModel model, HttpClient http, TimeProvider? time = null)
    {
        _options = options.Value;
        Model = model;
        _rest = new HomeAssistantRest(http, _options, time ?? TimeProvider.System);
        Status = new HomeAssistantStatus(
            _options.IsConfigured ? HomeAssistantConnectionState.Connecting : HomeAssistantConnectionState.NotConfigured,
            _options.IsConfigured ? _options.Url : "not configured (set HomeAssistant:Url and HomeAssistant:Token)");
    }

    public HomeModel Model { get; }

    public HomeAssistantStatus Status { get; private set; }

    public bool IsConfigured => _options.IsConfigured;

    /// <summary>Calls a service on the given entities; the confirmation comes from the state change in <see cref="Model"/>.</summary>
    public async Task CallServiceAsync(string domain, string service, JsonObject data, IReadOnlyList<string> entityIds, CancellationToken cancellationToken)
    {
        EnsureUsable();
        var targets = new JsonArray(entityIds.Select(id => (JsonNode?)JsonValue.Create(id)).ToArray());
        if (_connection is { } connection)
        {
            var command = new JsonObject
            {
                ["type"] = "call_service",
                ["domain"] = domain,
                ["service"] = service,
                ["service_data"] = data.DeepClone(),
            };
            if (entityIds.Count > 0)
            {
                command["target"] = new JsonObject { ["entity_id"] = targets };
            }

            await connection.SendAsync(command, cancellationToken).ConfigureAwait(false);
            return;
        }

        var body = (JsonObject)data.DeepClone();
        if (entityIds.Count > 0)
        {
            body["entity_id"] = targets;
        }

        var changed = await _rest.CallServiceAsync(domain, service, body, cancellationToken).ConfigureAwait(false);
        foreach (var state in changed.OfType<JsonObject>().Select(RegistrySync.ToState).OfType<EntityState>())
        {
            Model.ApplyStateChanged(state.EntityId, state);
        }
    }

    /// <summary>Asks HA's own conversation agent (<c>conversation/process</c>); returns its response object.</summary>
    public async Task<JsonObject> ProcessConversationAsync(string text, string? conversationId, CancellationToken cancellationToken)
    {
        EnsureUsable();
        if (_connection is { } connection)
        {
            var command = new JsonObject { ["type"] = "conversation/process", ["text"] = text, ["language"] = "en" };
            if (conversationId is not null)
            {
                command["conversation_id"] = conversationId;
            }

            return await connection.SendAsync(command, cancellationToken).ConfigureAwait(false) as JsonObject
                ?? throw new HomeAssistantException("protocol", "conversation/process returned no object");
        }

        return await _rest.ProcessConversationAsync(text, conversationId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks the REST API (used by /health when the WebSocket is down).</summary>
    internal Task CheckRestAsync(CancellationToken cancellationToken) => _rest.CheckAsync(cancellationToken);

    internal async Task<IReadOnlyList<EntityState>> GetStatesOverRestAsync(CancellationToken cancellationToken) =>
        (await _rest.GetStatesAsync(cancellationToken).ConfigureAwait(false)).OfType<JsonObject>().Select(RegistrySync.ToState).OfType<EntityState>().ToList();

    internal void Attach(HomeAssistantConnection? connection) => _connection = connection;

    internal void SetStatus(HomeAssistantConnectionState state, string detail) => Status = new HomeAssistantStatus(state, detail);

    private void EnsureUsable()
    {
        switch (Status.State)
        {
            case HomeAssistantConnectionState.NotConfigured:
                throw new HomeAssistantException("not_configured", "Home Assistant is not configured");
            case HomeAssistantConnectionState.AuthFailed:
                throw new HomeAssistantAuthException(Status.Detail);
        }
    }
}
