using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Jarvis.Rig.Faults;

namespace Jarvis.Server.Tests.Soak;

public sealed class FaultProxyTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Bytes_pass_both_ways_in_order()
    {
        await using var echo = EchoServer.Start();
        await using var proxy = new FaultProxy(echo.EndPoint) { Jitter = TimeSpan.FromMilliseconds(5) }.Start();
        using var client = await ConnectAsync(proxy);

        var sent = Enumerable.Range(0, 50_000).Select(i => (byte)(i * 7)).ToArray();
        await client.SendAsync(sent);
        var received = await ReceiveAsync(client, sent.Length);

        Assert.Equal(sent, received);
        Assert.Equal(1, proxy.Accepted);
    }

    [Fact]
    public async Task A_round_trip_takes_at_least_the_latency_of_both_directions()
    {
        await using var echo = EchoServer.Start();
        await using var proxy = new FaultProxy(echo.EndPoint) { Latency = TimeSpan.FromMilliseconds(150) }.Start();
        using var client = await ConnectAsync(proxy);

        var started = Stopwatch.GetTimestamp();
        await client.SendAsync(new byte[] { 1, 2, 3 });
        await ReceiveAsync(client, 3);

        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(285), $"round trip {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task A_cut_holds_the_traffic_and_delivers_it_when_the_network_returns()
    {
        await using var echo = EchoServer.Start();
        await using var proxy = new FaultProxy(echo.EndPoint).Start();
        using var client = await ConnectAsync(proxy);
        await client.SendAsync(new byte[] { 9 });
        Assert.Equal([9], await ReceiveAsync(client, 1));

        proxy.Blackhole();
        await client.SendAsync(new byte[] { 1, 2, 3, 4 });
        var pending = ReceiveAsync(client, 4);
        var early = await Task.WhenAny(pending, Task.Delay(500));
        Assert.NotSame(pending, early);

        proxy.Restore();
        Assert.Equal([1, 2, 3, 4], await pending.WaitAsync(Deadline));
        Assert.Equal(0, proxy.Resets);
    }

    [Fact]
    public async Task A_killed_target_resets_open_and_new_connections_until_it_is_back()
    {
        await using var echo = EchoServer.Start();
        await using var proxy = new FaultProxy(echo.EndPoint).Start();
        using var open = await ConnectAsync(proxy);
        await open.SendAsync(new byte[] { 1 });
        await ReceiveAsync(open, 1);

        proxy.Refuse();

        await Assert.ThrowsAnyAsync<Exception>(async () => await ReceiveAsync(open, 1).WaitAsync(Deadline));
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var refused = await ConnectAsync(proxy);
            await ReceiveAsync(refused, 1).WaitAsync(Deadline);
        });

        proxy.Restore();
        using var after = await ConnectAsync(proxy);
        await after.SendAsync(new byte[] { 5 });
        Assert.Equal([5], await ReceiveAsync(after, 1).WaitAsync(Deadline));
        Assert.True(proxy.Resets >= 2, $"resets {proxy.Resets}");
    }

    [Fact]
    public async Task Loss_stalls_the_direction_for_a_retransmission()
    {
        await using var echo = EchoServer.Start();
        await using var proxy = new FaultProxy(echo.EndPoint) { StallProbability = 1, StallDuration = TimeSpan.FromMilliseconds(200) }.Start();
        using var client = await ConnectAsync(proxy);

        var started = Stopwatch.GetTimestamp();
        await client.SendAsync(new byte[] { 7 });
        Assert.Equal([7], await ReceiveAsync(client, 1).WaitAsync(Deadline));

        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(380), $"round trip {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms");
        Assert.Equal(2, proxy.Stalls);
    }

    private static async Task<Socket> ConnectAsync(FaultProxy proxy)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, proxy.Port));
        return socket;
    }

    /// <summary>Exactly <paramref name="count"/> bytes; throws when the connection ends or is reset first.</summary>
    private static async Task<byte[]> ReceiveAsync(Socket socket, int count)
    {
        var buffer = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(filled));
            if (read == 0)
            {
                throw new IOException("connection closed");
            }

            filled += read;
        }

        return buffer;
    }

    private sealed class EchoServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private Task _loop = Task.CompletedTask;

        public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

        public static EchoServer Start()
        {
            var server = new EchoServer();
            server._listener.Start();
            server._loop = server.AcceptAsync();
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _loop;
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            var clients = new List<Task>();
            try
            {
                while (true)
                {
                    var socket = await _listener.AcceptSocketAsync(_stop.Token);
                    clients.Add(EchoAsync(socket));
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException)
            {
                await Task.WhenAll(clients);
            }
        }

        private async Task EchoAsync(Socket socket)
        {
            using var _ = socket;
            var buffer = new byte[4096];
            try
            {
                int read;
                while ((read = await socket.ReceiveAsync(buffer, _stop.Token)) > 0)
                {
                    await socket.SendAsync(buffer.AsMemory(0, read), _stop.Token);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException)
            {
            }
        }
    }
}
