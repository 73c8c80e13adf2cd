using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Jarvis.Server.HomeAssistant.Model;

namespace Jarvis.Server.Tests.HomeAssistant.Emulator;

/// <summary>
/// The state of the emulated Home Assistant: floors, areas, entities with registry entries and states, event
/// subscribers, the log of service calls and injected failures. Thread-safe; survives emulator restarts.
/// </summary>
public sealed class EmulatedHome
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, EmulatedEntity> _entities = new(StringComparer.Ordinal);
    private readonly List<Channel<JsonObject>> _subscribers = [];
    private readonly ConcurrentDictionary<string, string> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _ignored = new(StringComparer.Ordinal);

    public List<(string Id, string Name)> Floors { get; } = [];

    public List<(string Id, string Name, string? FloorId)> Areas { get; } = [];

    public ConcurrentQueue<(string Domain, string Service, JsonObject Data, IReadOnlyList<string> Targets)> Calls { get; } = new();

    /// <summary><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> of each service call's arrival, in the order of <see cref="Calls"/>.</summary>
    public ConcurrentQueue<long> CallTimestamps { get; } = new();

    /// <summary>Every text asked of the conversation agent (<c>conversation/process</c>), in order.</summary>
    public ConcurrentQueue<string> ConversationQueries { get; } = new();

    /// <summary>Records a service call as it arrives (before it is validated and applied, as HA logs it).</summary>
    public void RecordCall(string domain, string service, JsonObject data, IReadOnlyList<string> targets)
    {
        var at = System.Diagnostics.Stopwatch.GetTimestamp();
        lock (_gate)
        {
            Calls.Enqueue((domain, service, (JsonObject)data.DeepClone(), targets));
            CallTimestamps.Enqueue(at);
        }
    }

    public static EmulatedHome FromFixtures(string path)
    {
        var fixture = FixtureHome.Load(path);
        var home = new EmulatedHome();
        home.Floors.AddRange(fixture.Registries.Floors.Select(f => (f.Id, f.Name)));
        home.Areas.AddRange(fixture.Registries.Areas.Select(a => (a.Id, a.Name, a.FloorId)));
        foreach (var entity in fixture.Registries.Entities)
        {
            var state = fixture.States.First(s => s.EntityId == entity.EntityId);
            var attributes = JsonNode.Parse(state.Attributes.GetRawText()) as JsonObject ?? [];
            home._entities[entity.EntityId] = new EmulatedEntity
            {
                EntityId = entity.EntityId, Name = entity.Name, Aliases = [.. entity.Aliases], AreaId = entity.AreaId,
                DeviceClass = entity.DeviceClass, State = state.State, Attributes = attributes,
            };
        }

        return home;
    }

    public IReadOnlyList<EmulatedEntity> Entities
    {
        get
        {
            lock (_gate)
            {
                return [.. _entities.Values];
            }
        }
    }

    public EmulatedEntity? Entity(string entityId)
    {
        lock (_gate)
        {
            return _entities.GetValueOrDefault(entityId);
        }
    }

    /// <summary>Makes the next calls of <paramref name="domain"/>.<paramref name="service"/> fail with a HomeAssistantError.</summary>
    public void FailService(string domain, string service, string message) => _failures[$"{domain}.{service}"] = message;

    public string? FailureFor(string domain, string service) => _failures.GetValueOrDefault($"{domain}.{service}");

    /// <summary>Makes calls of <paramref name="domain"/>.<paramref name="service"/> succeed without any state change (a device that ignores it).</summary>
    public void IgnoreService(string domain, string service) => _ignored[$"{domain}.{service}"] = true;

    public bool Ignores(string domain, string service) => _ignored.ContainsKey($"{domain}.{service}");

    public ChannelReader<JsonObject> Subscribe(out Action unsubscribe)
    {
        var channel = Channel.CreateUnbounded<JsonObject>();
        lock (_gate)
        {
            _subscribers.Add(channel);
        }

        unsubscribe = () =>
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }

            channel.Writer.TryComplete();
        };
        return channel.Reader;
    }

    /// <summary>Renames an entity in the registry (friendly_name follows), as the HA UI does.</summary>
    public void Rename(string entityId, string name)
    {
        Mutate(entityId, e =>
        {
            e.Name = name;
            e.Attributes["friendly_name"] = name;
        }, Guid.NewGuid().ToString("N"));
        Fire("entity_registry_updated", new JsonObject { ["action"] = "update", ["entity_id"] = entityId });
    }

    /// <summary>Adds an entity (a new device paired in HA).</summary>
    public void Add(EmulatedEntity entity)
    {
        entity.Attributes["friendly_name"] ??= entity.Name;
        lock (_gate)
        {
            _entities[entity.EntityId] = entity;
        }

        FireStateChanged(entity.EntityId, null, entity.ToStateObject(), entity.ContextId);
        if (entity.InRegistry)
        {
            Fire("entity_registry_updated", new JsonObject { ["action"] = "create", ["entity_id"] = entity.EntityId });
        }
    }

    /// <summary>Changes an entity under a context and fires <c>state_changed</c>; returns the new state object.</summary>
    public JsonObject Mutate(string entityId, Action<EmulatedEntity> change, string contextId)
    {
        JsonObject oldState;
        JsonObject newState;
        lock (_gate)
        {
            var entity = _entities[entityId];
            oldState = entity.ToStateObject();
            var before = entity.State;
            change(entity);
            var now = DateTimeOffset.UtcNow.ToString("O");
            entity.LastUpdated = now;
            if (entity.State != before)
            {
                entity.LastChanged = now;
            }

            entity.ContextId = contextId;
            newState = entity.ToStateObject();
        }

        FireStateChanged(entityId, oldState, (JsonObject)newState.DeepClone(), contextId);
        return newState;
    }

    private void FireStateChanged(string entityId, JsonObject? oldState, JsonObject newState, string contextId) =>
        Fire("state_changed", new JsonObject { ["entity_id"] = entityId, ["old_state"] = oldState, ["new_state"] = newState }, contextId);

    private void Fire(string eventType, JsonObject data, string? contextId = null)
    {
        var haEvent = new JsonObject
        {
            ["event_type"] = eventType,
            ["data"] = data,
            ["origin"] = "LOCAL",
            ["time_fired"] = DateTimeOffset.UtcNow.ToString("O"),
            ["context"] = new JsonObject { ["id"] = contextId ?? Guid.NewGuid().ToString("N"), ["parent_id"] = null, ["user_id"] = null },
        };
        Channel<JsonObject>[] subscribers;
        lock (_gate)
        {
            subscribers = [.. _subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.Writer.TryWrite((JsonObject)haEvent.DeepClone());
        }
    }
}
