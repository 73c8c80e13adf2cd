using System.Net;
using System.Net.Sockets;

namespace Jarvis.Server.Mqtt.Broker;

/// <summary><c>Mqtt:Listen</c> → the broker's IPv4 and IPv6 listen addresses (<see cref="IPAddress.None"/> = no listener).</summary>
public static class MqttListenAddresses
{
    public static bool TryParse(string? listen, out IPAddress ipv4, out IPAddress ipv6)
    {
        (ipv4, ipv6) = (IPAddress.None, IPAddress.None);
        switch (listen?.Trim())
        {
            case null or "" or "Loopback" or "loopback" or "localhost":
                (ipv4, ipv6) = (IPAddress.Loopback, Socket.OSSupportsIPv6 ? IPAddress.IPv6Loopback : IPAddress.None);
                return true;
            case "Any" or "any" or "*":
                (ipv4, ipv6) = (IPAddress.Any, Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.None);
                return true;
        }

        if (!IPAddress.TryParse(listen, out var address))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            ipv6 = address;
        }
        else
        {
            ipv4 = address;
        }

        return true;
    }

    /// <summary>Where the server's own client reaches the embedded broker.</summary>
    public static string ClientHost(string? listen)
    {
        TryParse(listen, out var ipv4, out var ipv6);
        if (ipv4.Equals(IPAddress.Any) || ipv4.Equals(IPAddress.Loopback) || ipv6.Equals(IPAddress.IPv6Any) || ipv6.Equals(IPAddress.IPv6Loopback))
        {
            return "127.0.0.1";
        }

        return ipv4.Equals(IPAddress.None) ? ipv6.ToString() : ipv4.ToString();
    }
}
