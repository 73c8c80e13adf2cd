namespace Jarvis.Server.HomeAssistant.Model;

/// <summary>Callers waiting for entities to reach a state (used to confirm a service call from the state change).</summary>
internal sealed class StateWaiters
{
    private readonly Lock _gate = new();
    private readonly List<Waiter> _waiters = [];

    public async Task WaitAsync(IReadOnlyCollection<string> entityIds, Func<EntityState, bool> accept, Func<string, EntityState?> current, CancellationToken cancellationToken)
    {
        var waiter = new Waiter(entityIds.ToHashSet(StringComparer.Ordinal), accept);
        lock (_gate)
        {
            _waiters.Add(waiter);
        }

        try
        {
            foreach (var id in entityIds)
            {
                if (current(id) is { } state)
                {
                    waiter.Offer(state);
                }
            }

            await waiter.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    public void Notify(EntityState state)
    {
        Waiter[] waiters;
        lock (_gate)
        {
            waiters = [.. _waiters];
        }

        foreach (var waiter in waiters)
        {
            waiter.Offer(state);
        }
    }

    private sealed class Waiter(HashSet<string> pending, Func<EntityState, bool> accept)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Offer(EntityState state)
        {
            lock (pending)
            {
                if (pending.Contains(state.EntityId) && accept(state))
                {
                    pending.Remove(state.EntityId);
                }

                if (pending.Count == 0)
                {
                    Done.TrySetResult();
                }
            }
        }
    }
}
