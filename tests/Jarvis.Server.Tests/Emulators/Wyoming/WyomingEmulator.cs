using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Tests.Emulators.Wyoming;

/// <summary>
/// Base of the in-process Wyoming service emulators: raw TCP on 127.0.0.1:0, one handler per connection, <c>describe</c>
/// answered with <see cref="Info"/>. Strict like the Python server: a malformed header closes the connection (recorded in
/// <see cref="ProtocolErrors"/>); an event out of order is answered with <c>error</c> and the connection is closed.
/// </summary>
public abstract class WyomingEmulator : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Task> _connections = [];
    private Task? _acceptLoop;
    private int _connectionCount;

    public Uri Uri { get; private set; } = new("tcp://127.0.0.1:1");

    /// <summary>Every protocol violation seen (malformed header, event out of order), for assertions.</summary>
    public ConcurrentQueue<string> ProtocolErrors { get; } = new();

    /// <summary>Every event received, in order, across connections.</summary>
    public ConcurrentQueue<WyomingEvent> Received { get; } = new();

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    protected abstract WyomingEvent Info { get; }

    public WyomingEmulator Start()
    {
        _listener.Start();
        Uri = new Uri($"tcp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _acceptLoop = AcceptLoopAsync(_stop.Token);
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        if (_acceptLoop is not null)
        {
            await _acceptLoop;
        }

        await Task.WhenAll(_connections);
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Handles one event; return false to close the connection.</summary>
    protected abstract Task<bool> HandleAsync(WyomingConnection connection, ConnectionState state, WyomingEvent evt, CancellationToken cancellationToken);

    /// <summary>Answers with <c>error</c> and closes: the emulator's reaction to an event the real service would reject.</summary>
    protected async Task<bool> RejectAsync(WyomingConnection connection, string reason, CancellationToken cancellationToken)
    {
        ProtocolErrors.Enqueue(reason);
        await connection.WriteEventAsync(WyomingEvents.Error(reason, "protocol"), cancellationToken);
        return false;
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            Interlocked.Increment(ref _connectionCount);
            _connections.Add(ServeAsync(client, cancellationToken));
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        await Task.Yield();
        client.NoDelay = true;
        await using var connection = new WyomingConnection(client.GetStream(), owner: client);
        var state = new ConnectionState();
        try
        {
            while (await connection.ReadEventAsync(cancellationToken) is { } evt)
            {
                Received.Enqueue(evt);
                if (evt.Type == WyomingEventTypes.Describe)
                {
                    await connection.WriteEventAsync(Info, cancellationToken);
                    continue;
                }

                if (!await HandleAsync(connection, state, evt, cancellationToken))
                {
                    return;
                }
            }
        }
        catch (WyomingProtocolException ex)
        {
            ProtocolErrors.Enqueue(ex.Message);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
            // Client went away.
        }
        finally
        {
            OnClosed(state);
        }
    }

    /// <summary>The connection is over (the client closed it, or the emulator did).</summary>
    protected virtual void OnClosed(ConnectionState state)
    {
    }
}
