using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Jarvis.Rig.Faults;

/// <summary>
/// A TCP proxy on a fixed 127.0.0.1 port in front of one target, injecting network faults: one-way latency and jitter per
/// direction (order kept), loss as stalls (a lost segment costs TCP a retransmission: the direction pauses), cuts
/// (<see cref="FaultProxyState.Blackhole"/>) and kills (<see cref="FaultProxyState.Refuse"/>).
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<ProxiedConnection, byte> _connections = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly Lock _gate = new();
    private TaskCompletionSource _open = Opened();
    private FaultProxyState _state = FaultProxyState.Up;
    private Task _accepting = Task.CompletedTask;
    private int _accepted;
    private int _resets;
    private int _stalls;

    /// <param name="target">Where connections are forwarded.</param>
    /// <param name="seed">Seed of the jitter and stall draws (a run is reproducible).</param>
    public FaultProxy(IPEndPoint target, int seed = 1, TimeProvider? time = null)
    {
        Target = target;
        _random = new Random(seed);
        _time = time ?? TimeProvider.System;
    }

    public IPEndPoint Target { get; }

    /// <summary>The port clients connect to (known after <see cref="Start"/>).</summary>
    public int Port { get; private set; }

    /// <summary>One-way delay added to everything forwarded, per direction.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>A random extra delay in [0, Jitter) per forwarded chunk (never reordering).</summary>
    public TimeSpan Jitter { get; set; }

    /// <summary>Probability per forwarded chunk that its direction stalls for <see cref="StallDuration"/> first.</summary>
    public double StallProbability { get; set; }

    public TimeSpan StallDuration { get; set; } = TimeSpan.FromMilliseconds(200);

    public FaultProxyState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Connections reset by <see cref="Refuse"/> (open ones and new ones).</summary>
    public int Resets => Volatile.Read(ref _resets);

    public int Stalls => Volatile.Read(ref _stalls);

    public int OpenConnections => _connections.Count;

    public FaultProxy Start()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptLoopAsync(_stop.Token);
        return this;
    }

    /// <summary>Cuts the network: nothing passes until <see cref="Restore"/>.</summary>
    public void Blackhole()
    {
        lock (_gate)
        {
            if (_state == FaultProxyState.Up)
            {
                _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            _state = FaultProxyState.Blackhole;
        }
    }

    /// <summary>The target "dies": open connections are reset, new ones too, until <see cref="Restore"/>.</summary>
    public void Refuse()
    {
        lock (_gate)
        {
            if (_state == FaultProxyState.Up)
            {
                _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            _state = FaultProxyState.Refuse;
        }

        foreach (var connection in _connections.Keys)
        {
            connection.Reset();
            Interlocked.Increment(ref _resets);
        }
    }

    /// <summary>Back to forwarding; a cut's held traffic flows on.</summary>
    public void Restore()
    {
        lock (_gate)
        {
            _state = FaultProxyState.Up;
            _open.TrySetResult();
        }
    }

    /// <summary>A network cut of <paramref name="duration"/>.</summary>
    public async Task CutAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        Blackhole();
        try
        {
            await Task.Delay(duration, _time, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Restore();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _accepting.ConfigureAwait(false);
        foreach (var connection in _connections.Keys)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        Restore();
        _stop.Dispose();
    }

    /// <summary>Waits while the proxy is cut; false when it refuses (the caller resets its connection).</summary>
    internal async Task<bool> PassAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task open;
            lock (_gate)
            {
                if (_state != FaultProxyState.Blackhole)
                {
                    return _state == FaultProxyState.Up;
                }

                open = _open.Task;
            }

            await open.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>When a chunk read now may be written: now + latency + jitter, never before <paramref name="previous"/>.</summary>
    internal long DueTimestamp(long previous)
    {
        double jitter;
        lock (_random)
        {
            jitter = _random.NextDouble();
        }

        var delay = Latency + (Jitter * jitter);
        var due = _time.GetTimestamp() + (long)(delay.TotalSeconds * _time.TimestampFrequency);
        return Math.Max(due, previous);
    }

    /// <summary>How long this chunk's direction stalls before it is written (zero mostly).</summary>
    internal TimeSpan DrawStall()
    {
        if (StallProbability <= 0)
        {
            return TimeSpan.Zero;
        }

        lock (_random)
        {
            if (_random.NextDouble() >= StallProbability)
            {
                return TimeSpan.Zero;
            }
        }

        Interlocked.Increment(ref _stalls);
        return StallDuration;
    }

    internal TimeProvider Time => _time;

    internal void Forget(ProxiedConnection connection) => _connections.TryRemove(connection, out _);

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            if (State == FaultProxyState.Refuse)
            {
                ProxiedConnection.ResetSocket(client);
                Interlocked.Increment(ref _resets);
                continue;
            }

            var connection = new ProxiedConnection(this, client);
            _connections[connection] = 0;
            connection.Run(cancellationToken);
        }
    }

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
