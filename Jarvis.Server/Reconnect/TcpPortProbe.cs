using System.Net;
using System.Net.Sockets;

namespace Jarvis.Server.Reconnect;

/// <summary>The real <see cref="IPortProbe"/>: a TCP connect, closed as soon as it is accepted.</summary>
public sealed class TcpPortProbe(TimeProvider time) : IPortProbe
{
    public async ValueTask<bool> AcceptsAsync(IPAddress[] addresses, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(addresses, port, linked.Token).ConfigureAwait(false);
            socket.Shutdown(SocketShutdown.Both);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // no answer within the timeout (a host that is down or cut off)
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
