using System.Net;
using Jarvis.Protocol.Discovery;
using Jarvis.Server.Mqtt;
using Jarvis.Server.Satellites;
using Makaretu.Dns;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Discovery;

/// <summary>
/// Advertises the satellite link as <c>_jarvis._tcp</c> once Kestrel listens (its port may be chosen at start): the
/// addresses it listens on (all of the machine's when it listens on any address), the link path and protocol version in TXT.
/// </summary>
public sealed partial class MdnsAdvertiser(
    IOptions<DiscoveryOptions> options, IOptions<SatellitesOptions> satellites, IOptions<MqttOptions> mqtt, IServer server,
    IHostApplicationLifetime lifetime, ILogger<MdnsAdvertiser> logger) : BackgroundService
{
    private MulticastService? _mdns;
    private ServiceDiscovery? _discovery;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => Uri.TryCreate(a.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var u) ? u : null)
            .FirstOrDefault(u => u is not null);
        if (address is null)
        {
            return;
        }

        try
        {
            _mdns = new MulticastService();
            _discovery = new ServiceDiscovery(_mdns);
            var profile = new ServiceProfile(InstanceName(), JarvisServiceRecord.ServiceType, (ushort)address.Port, Addresses(address));
            profile.AddProperty(JarvisServiceRecord.PathKey, satellites.Value.Path);
            profile.AddProperty(JarvisServiceRecord.VersionKey, Protocol.Link.LinkProtocol.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            profile.AddProperty(JarvisServiceRecord.TlsKey, address.Scheme == "https" ? "1" : "0");
            profile.AddProperty(JarvisServiceRecord.ServerIdKey, mqtt.Value.ServerId);
            _discovery.Advertise(profile);
            _mdns.Start();
            _discovery.Announce(profile);
            LogAdvertising(profile.InstanceName.ToString(), address.Port, satellites.Value.Path);
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or InvalidOperationException or IOException)
        {
            LogFailed(ex.Message);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        _discovery?.Unadvertise();
        _discovery?.Dispose();
        _mdns?.Stop();
        _mdns?.Dispose();
    }

    private string InstanceName()
    {
        var name = options.Value.InstanceName is { Length: > 0 } configured ? configured : $"Jarvis on {Environment.MachineName}";
        return name.Replace('.', '-');
    }

    /// <summary>The listening address, or null (the machine's addresses) when Kestrel listens on any address.</summary>
    private static IPAddress[]? Addresses(Uri address) =>
        IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && !ip.Equals(IPAddress.Any) && !ip.Equals(IPAddress.IPv6Any)
            ? [ip]
            : address.Host is "localhost" ? [IPAddress.Loopback] : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Advertising {Instance} as _jarvis._tcp on port {Port} (link {Path}) so that satellites find the server")]
    private partial void LogAdvertising(string instance, int port, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not advertise the server by mDNS ({Error}): satellites need Satellite:Link:ServerUrl")]
    private partial void LogFailed(string error);
}
