using System.Net;
using System.Net.NetworkInformation;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Security;

/// <summary>
/// Without an <c>AllowedHosts</c> setting, allows only the names this server is reached by (DNS rebinding defence):
/// localhost and the loopback addresses, the hosts of the configured URLs, the machine's name (and name.local) and
/// its current addresses. <c>AllowedHosts</c> (names separated by ';') replaces the list.
/// </summary>
internal sealed class AllowedHostsSetup(IConfiguration configuration) : IPostConfigureOptions<HostFilteringOptions>
{
    public void PostConfigure(string? name, HostFilteringOptions options)
    {
        if (!string.IsNullOrWhiteSpace(configuration["AllowedHosts"]))
        {
            return;
        }

        options.AllowedHosts = [.. Hosts().Distinct(StringComparer.OrdinalIgnoreCase)];
        options.AllowEmptyHosts = false;
    }

    private IEnumerable<string> Hosts()
    {
        yield return "localhost";
        yield return "127.0.0.1";
        yield return "[::1]";
        foreach (var url in ConfiguredUrls())
        {
            if (Uri.TryCreate(url.Replace("://*", "://any-host", StringComparison.Ordinal).Replace("://+", "://any-host", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                && uri.Host is not ("any-host" or "0.0.0.0" or "[::]"))
            {
                yield return uri.Host;
            }
        }

        var machine = Dns.GetHostName();
        yield return machine;
        yield return $"{machine}.local";
        yield return Environment.MachineName;
        yield return $"{Environment.MachineName}.local";
        foreach (var address in LocalAddresses())
        {
            yield return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        }
    }

    private IEnumerable<string> ConfiguredUrls()
    {
        foreach (var key in new[] { "urls", "ASPNETCORE_URLS" })
        {
            foreach (var url in (configuration[key] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return url;
            }
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                yield return url;
            }
        }
    }

    private static IEnumerable<IPAddress> LocalAddresses()
    {
        NetworkInterface[] interfaces;
        try
        {
            interfaces = NetworkInterface.GetAllNetworkInterfaces();
        }
        catch (NetworkInformationException)
        {
            yield break;
        }

        foreach (var nic in interfaces.Where(n => n.OperationalStatus == OperationalStatus.Up))
        {
            foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
            {
                var address = unicast.Address;
                if (address.IsIPv6LinkLocal)
                {
                    address = new IPAddress(address.GetAddressBytes());
                }

                yield return address;
            }
        }
    }
}
