using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Jarvis.Protocol.Discovery;
using Jarvis.Server.Mqtt;
using Jarvis.Server.Satellites;
using Makaretu.Dns;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Discovery;

/// <summary>
/// Answers mDNS queries for <c>_jarvis._tcp.local</c> once Kestrel listens (its port may be chosen at start) with the
/// addresses it listens on (the machine's when it listens on any address), the link path and protocol version in TXT.
/// A query from port 5353 (a full mDNS stack: dns-sd, avahi) is answered on the group; any other (a satellite's one-shot
/// query, RFC 6762 §6.7) straight to the asker. The socket shares port 5353 with the system's responder (SO_REUSEADDR).
/// </summary>
public sealed partial class MdnsResponder(
    IOptions<DiscoveryOptions> options, IOptions<SatellitesOptions> satellites, IOptions<MqttOptions> mqtt, IServer server,
    IHostApplicationLifetime lifetime, ILogger<MdnsResponder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        if (ListeningAddress() is not { } address)
        {
            return;
        }

        var txt = new Dictionary<string, string>
        {
            [JarvisServiceRecord.PathKey] = satellites.Value.Path,
            [JarvisServiceRecord.VersionKey] = Protocol.Link.LinkProtocol.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [JarvisServiceRecord.TlsKey] = address.Scheme == "https" ? "1" : "0",
            [JarvisServiceRecord.ServerIdKey] = mqtt.Value.ServerId,
        };
        var instance = options.Value.InstanceName is { Length: > 0 } configured ? configured : $"Jarvis on {Environment.MachineName}";
        var host = new string(Environment.MachineName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        using var socket = Open();
        if (socket is null)
        {
            return;
        }

        LogAdvertising(instance, address.Port, satellites.Value.Path);
        var buffer = new byte[9000];
        while (!stoppingToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException ex)
            {
                LogFailed(ex.Message);
                return;
            }

            var query = new Message();
            try
            {
                query.Read(buffer, 0, received.ReceivedBytes);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                continue; // not DNS, or truncated: mDNS traffic of other devices is none of our business
            }

            if (!JarvisServiceRecord.Asks(query))
            {
                continue;
            }

            var asker = (IPEndPoint)received.RemoteEndPoint;
            var legacy = asker.Port != JarvisServiceRecord.MulticastEndPoint.Port;
            var answer = JarvisServiceRecord.Answer(instance, host, address.Port, Addresses(address), txt, legacy ? query.Id : (ushort)0);
            if (legacy)
            {
                answer.Questions.AddRange(query.Questions);
            }

            try
            {
                await socket.SendToAsync(answer.ToByteArray(), legacy ? asker : JarvisServiceRecord.MulticastEndPoint, stoppingToken).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                LogAnswerFailed(asker, ex.Message);
            }
        }
    }

    private Uri? ListeningAddress() =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => Uri.TryCreate(a.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var u) ? u : null)
            .FirstOrDefault(u => u is not null);

    private Socket? Open()
    {
        try
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(new IPEndPoint(IPAddress.Any, JarvisServiceRecord.MulticastEndPoint.Port));
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastTimeToLive, 255);
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastLoopback, true);
            var joined = 0;
            foreach (var local in InterfaceAddresses(includeLoopback: true))
            {
                try
                {
                    socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(JarvisServiceRecord.MulticastEndPoint.Address, local));
                    joined++;
                }
                catch (SocketException)
                {
                    // An interface without multicast (lo on Linux by default).
                }
            }

            if (joined == 0)
            {
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(JarvisServiceRecord.MulticastEndPoint.Address));
            }

            return socket;
        }
        catch (SocketException ex)
        {
            LogFailed(ex.Message);
            return null;
        }
    }

    /// <summary>The listening address, or the machine's IPv4 addresses (loopback only when it has no other) when Kestrel listens on any.</summary>
    private static IEnumerable<IPAddress> Addresses(Uri address)
    {
        if (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && !ip.Equals(IPAddress.Any) && !ip.Equals(IPAddress.IPv6Any))
        {
            return [ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip];
        }

        if (address.Host == "localhost")
        {
            return [IPAddress.Loopback];
        }

        var all = InterfaceAddresses(includeLoopback: false).ToArray();
        return all.Length > 0 ? all : [IPAddress.Loopback];
    }

    private static IEnumerable<IPAddress> InterfaceAddresses(bool includeLoopback) =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && (includeLoopback || n.NetworkInterfaceType != NetworkInterfaceType.Loopback))
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(u => u.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && (includeLoopback || !IPAddress.IsLoopback(a)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Advertising {Instance} as _jarvis._tcp on port {Port} (link {Path}) so that satellites find the server")]
    private partial void LogAdvertising(string instance, int port, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not advertise the server by mDNS ({Error}): satellites need Satellite:Link:ServerUrl")]
    private partial void LogFailed(string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "mDNS answer to {Asker} failed: {Error}")]
    private partial void LogAnswerFailed(IPEndPoint asker, string error);
}
