using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Jarvis.Server.HomeAssistant.Model;

/// <summary>
/// The live in-memory home: the latest registry <see cref="HomeSnapshot"/> plus every entity's current state,
/// kept current from <c>state_changed</c> events. Entities that appear or get a new friendly name are folded
/// into a new snapshot at once, so a renamed or added entity is understood without a restart.
/// </summary>
public sealed class HomeModel
{
    private readonly ConcurrentDictionary<string, EntityState> _states = new(StringComparer.Ordinal);
    private readonly StateWaiters _waiters = new();
    private readonly Lock _gate = new();
    private volatile HomeSnapshot _snapshot = HomeSnapshot.Empty;
    private IReadOnlySet<string> _hidden = new HashSet<string>();

    public HomeSnapshot Snapshot => _snapshot;

    /// <summary>True once a full load from Home Assistant (or a fixture) happened.</summary>
    public bool IsLoaded { get; private set; }

    public EntityState? State(string entityId) => _states.GetValueOrDefault(entityId);

    public IEnumerable<EntityState> States => _states.Values;

    /// <summary>
    /// Replaces registries and states (after a (re)connect). States without a registry entry become entities
    /// named by their friendly name, except <paramref name="hidden"/> ones (disabled, hidden, config/diagnostic).
    /// </summary>
    public void Load(HomeSnapshot registries, IEnumerable<EntityState> states, IReadOnlySet<string>? hidden = null)
    {
        lock (_gate)
        {
            _hidden = hidden ?? new HashSet<string>();
            _states.Clear();
            foreach (var state in states)
            {
                _states[state.EntityId] = state;
            }

            var entities = registries.Entities.ToList();
            var known = entities.Select(e => e.EntityId).ToHashSet(StringComparer.Ordinal);
            entities.AddRange(_states.Values.Where(s => !known.Contains(s.EntityId) && !_hidden.Contains(s.EntityId)).Select(EntityFromState));
            _snapshot = new HomeSnapshot(registries.Floors, registries.Areas, entities, _snapshot.Version + 1);
            IsLoaded = true;
        }
    }

    /// <summary>Applies one <c>state_changed</c> event (<paramref name="newState"/> null = entity removed).</summary>
    public void ApplyStateChanged(string entityId, EntityState? newState)
    {
        lock (_gate)
        {
            var snapshot = _snapshot;
            var entity = snapshot.Entity(entityId);
            if (newState is null)
            {
                _states.TryRemove(entityId, out _);
                if (entity is not null)
                {
                    _snapshot = snapshot.With(snapshot.Entities.Where(e => e.EntityId != entityId).ToList());
                }

                return;
            }

            var previousName = _states.TryGetValue(entityId, out var previous) ? previous.Attribute("friendly_name") : null;
            _states[entityId] = newState;
            var friendlyName = newState.Attribute("friendly_name");
            if (entity is null && !_hidden.Contains(entityId))
            {
                _snapshot = snapshot.With([.. snapshot.Entities, EntityFromState(newState)]);
            }
            else if (entity is not null && IsRename(entity, previousName, friendlyName))
            {
                var renamed = entity with { Name = friendlyName };
                _snapshot = snapshot.With(snapshot.Entities.Select(e => e.EntityId == entityId ? renamed : e).ToList());
            }
        }

        _waiters.Notify(newState);
    }

    /// <summary>
    /// Waits until every listed entity has reached a state accepted by <paramref name="accept"/>; false when
    /// <paramref name="timeout"/> (on <paramref name="time"/>) passes first.
    /// </summary>
    public async Task<bool> WaitForStatesAsync(
        IReadOnlyCollection<string> entityIds, Func<EntityState, bool> accept, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            await _waiters.WaitAsync(entityIds, accept, id => State(id), linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static HomeEntity EntityFromState(EntityState state) =>
        new(state.EntityId, state.Attribute("friendly_name") ?? ObjectName(state.EntityId), [], null, state.Attribute("device_class"));

    /// <summary>
    /// A new <c>friendly_name</c> renames the entity only when the attribute itself changed and the entity was named by it. A
    /// plain state change (a light turning on) never renames, even when the registry name differs from the friendly name
    /// (Home Assistant puts the device's name in front): the home's names, and the persona that lists them, stay put.
    /// </summary>
    private static bool IsRename(HomeEntity entity, string? previousName, [NotNullWhen(true)] string? friendlyName) =>
        friendlyName is not null
        && previousName is not null
        && !string.Equals(friendlyName, previousName, StringComparison.Ordinal)
        && string.Equals(entity.Name, previousName, StringComparison.Ordinal);

    private static string ObjectName(string entityId) => entityId[(entityId.IndexOf('.', StringComparison.Ordinal) + 1)..].Replace('_', ' ');
}
