using System.Net;
using System.Net.Sockets;
using Jarvis.Protocol.Discovery;
using Makaretu.Dns;
using Microsoft.Extensions.Logging;

namespace Jarvis.Satellite.Discovery;

/// <summary>
/// Asks the LAN for <c>_jarvis._tcp.local</c> with a one-shot mDNS query (RFC 6762 §5.1: from an ephemeral port, so the
/// server answers straight back) and builds the link URL from the answer's SRV, address and TXT records. One query per
/// call, repeated twice within the wait; the link supervisor retries with its backoff.
/// </summary>
public sealed partial class MdnsServerLocator(TimeProvider time, ILogger<MdnsServerLocator> logger) : IServerLocator
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(3);
    private int _misses;

    public async Task<Uri> LocateAsync(CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Any, 0));
        socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastTimeToLive, 255);
        socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastLoopback, true);
        var query = JarvisServiceRecord.Query();
        query.Id = (ushort)Random.Shared.Next(1, ushort.MaxValue);
        var bytes = query.ToByteArray();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AnswerTimeout);
        var buffer = new byte[9000];
        try
        {
            await socket.SendToAsync(bytes, JarvisServiceRecord.MulticastEndPoint, timeout.Token).ConfigureAwait(false);
            var resent = false;
            while (true)
            {
                var receive = socket.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), timeout.Token).AsTask();
                if (!resent && await Task.WhenAny(receive, Task.Delay(AnswerTimeout / 3, time, timeout.Token)).ConfigureAwait(false) != receive)
                {
                    resent = true; // multicast is lossy on Wi-Fi: ask once more
                    await socket.SendToAsync(bytes, JarvisServiceRecord.MulticastEndPoint, timeout.Token).ConfigureAwait(false);
                }

                var received = await receive.ConfigureAwait(false);
                if (Parse(buffer.AsSpan(0, received.ReceivedBytes).ToArray()) is { } uri)
                {
                    LogFound(uri);
                    _misses = 0;
                    return uri;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            if (_misses++ % 20 == 0)
            {
                LogNotFound(JarvisServiceRecord.ServiceType, _misses);
            }

            throw new TimeoutException($"no Jarvis server answered the mDNS query for {JarvisServiceRecord.ServiceType} within {AnswerTimeout.TotalSeconds:0} s (is the server running on this network? else set Satellite:Link:ServerUrl)");
        }
    }

    private static Uri? Parse(byte[] datagram)
    {
        try
        {
            var message = new Message();
            message.Read(datagram);
            return message.IsResponse ? JarvisServiceRecord.LinkUriOf(message) : null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null; // not a DNS message
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Jarvis server answered the mDNS query for {Service} ({Misses} tries): is the server running on this network? Else set Satellite:Link:ServerUrl")]
    private partial void LogNotFound(string service, int misses);

    [LoggerMessage(Level = LogLevel.Information, Message = "Found the Jarvis server at {Uri} by mDNS")]
    private partial void LogFound(Uri uri);
}
