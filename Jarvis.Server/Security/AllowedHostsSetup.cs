using System.Net;
using System.Net.NetworkInformation;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Security;

/// <summary>
/// The host names the API and the status page answer to (DNS rebinding defence), for ASP.NET Core's
/// <see cref="Microsoft.AspNetCore.HostFiltering.HostFilteringMiddleware"/>: <c>AllowedHosts</c> (names separated by ';')
/// when set, else localhost and the loopback addresses, the hosts of the configured URLs, the machine's name (and
/// name.local) and its current addresses. The satellite link is not filtered (satellites authenticate with their token,
/// and may know the server by a name of their own).
/// </summary>
internal sealed class AllowedHostsSetup(IConfiguration configuration) : IOptionsMonitor<HostFilteringOptions>
{
    private readonly Lazy<HostFilteringOptions> _options = new(() => Build(configuration));

    public HostFilteringOptions CurrentValue => _options.Value;

    public HostFilteringOptions Get(string? name) => _options.Value;

    public IDisposable? OnChange(Action<HostFilteringOptions, string?> listener) => null;

    private static HostFilteringOptions Build(IConfiguration configuration)
    {
        var configured = (configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new HostFilteringOptions
        {
            AllowedHosts = configured.Length > 0 ? configured : [.. new AllowedHostsSetup(configuration).Hosts().Distinct(StringComparer.OrdinalIgnoreCase)],
            AllowEmptyHosts = false,
        };
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
