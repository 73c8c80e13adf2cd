namespace Jarvis.Server.PersonaPlex.Sessions;

/// <summary>Lifetime counters of one endpoint, updated from its supervisor and read by /health and /metrics.</summary>
internal sealed class EndpointCounters
{
    private long _sessions;
    private long _reconnects;
    private long _rotations;
    private long _driftResets;
    private long _busyRefusals;
    private long _trimmed;
    private long _droppedNotReady;
    private volatile string? _lastError;
    private double _lastHandshakeSeconds = double.NaN;

    public string? LastError
    {
        get => _lastError;
        set => _lastError = value;
    }

    public void SessionOpened(TimeSpan handshake)
    {
        Interlocked.Increment(ref _sessions);
        Volatile.Write(ref _lastHandshakeSeconds, handshake.TotalSeconds);
    }

    public void Reconnect() => Interlocked.Increment(ref _reconnects);

    public void Rotation() => Interlocked.Increment(ref _rotations);

    public void DriftReset()
    {
        Interlocked.Increment(ref _driftResets);
        Interlocked.Increment(ref _reconnects);
    }

    public void BusyRefusal() => Interlocked.Increment(ref _busyRefusals);

    /// <summary>A room packet ran ahead of the session's clock and was dropped.</summary>
    public void Trimmed() => Interlocked.Increment(ref _trimmed);

    /// <summary>A room packet arrived while no session was ready (prompt phase, reconnect, on-demand start) and was dropped.</summary>
    public void DroppedNotReady() => Interlocked.Increment(ref _droppedNotReady);

    public PersonaPlexEndpointStatus Snapshot(Uri endpoint, PersonaPlexState state, string? roomId, double sent, double received)
    {
        var handshake = Volatile.Read(ref _lastHandshakeSeconds);
        return new PersonaPlexEndpointStatus(
            endpoint, state, roomId, sent, received, sent - received,
            Interlocked.Read(ref _sessions), Interlocked.Read(ref _reconnects), Interlocked.Read(ref _rotations),
            Interlocked.Read(ref _driftResets), Interlocked.Read(ref _busyRefusals), _lastError,
            double.IsNaN(handshake) ? null : handshake)
        {
            TrimmedPackets = Interlocked.Read(ref _trimmed),
            DroppedNotReadyPackets = Interlocked.Read(ref _droppedNotReady),
        };
    }
}
