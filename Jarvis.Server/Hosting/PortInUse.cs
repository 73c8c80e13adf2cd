using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;

namespace Jarvis.Server.Hosting;

/// <summary>
/// A busy HTTP address, found before the host starts (so that no service starts and no stack trace is logged) or, as a
/// fallback, from Kestrel's failure: says which setting moves the server.
/// </summary>
public static class PortInUse
{
    /// <summary>The first configured HTTP address another program already listens on, as the problem to show; else null.</summary>
    public static string? Probe(IConfiguration configuration)
    {
        foreach (var url in Urls(configuration))
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || uri.Port == 0)
            {
                continue;
            }

            var address = uri.IsLoopback ? IPAddress.Loopback : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? ip : null;
            if (address is not null && IsTaken(new IPEndPoint(address, uri.Port)))
            {
                return Message(url);
            }
        }

        return null;
    }

    /// <summary>The problem to show when Kestrel failed to bind, or null when <paramref name="error"/> is something else.</summary>
    public static string? Describe(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is AddressInUseException || e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                const string prefix = "Failed to bind to address ";
                var address = error.Message.StartsWith(prefix, StringComparison.Ordinal) ? error.Message[prefix.Length..].Split(' ')[0].TrimEnd(':', '.') : "(Urls)";
                return Message(address);
            }
        }

        return null;
    }

    private static string Message(string address) =>
        $"The HTTP address {address} is already in use by another program (is Jarvis already running?): stop it, or give the "
        + "server another port with the Urls setting: --urls http://0.0.0.0:8081 on the command line, \"Urls\": \"http://0.0.0.0:8081\" "
        + "in jarvis.json, or ASPNETCORE_URLS.";

    /// <summary>Kestrel's addresses: its endpoints, else Urls (<c>--urls</c>, <c>ASPNETCORE_URLS</c>), else HTTP_PORTS, else its default.</summary>
    private static IEnumerable<string> Urls(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>().ToArray();
        if (endpoints.Length > 0)
        {
            return endpoints;
        }

        if (configuration["urls"] is { Length: > 0 } urls)
        {
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        if (configuration["http_ports"] is { Length: > 0 } ports)
        {
            return ports.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"http://*:{p}");
        }

        return [ServerApp.DefaultUrl];
    }

    private static bool IsTaken(IPEndPoint endpoint)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (!OperatingSystem.IsWindows())
        {
            // As Kestrel does: connections of a program that just stopped (TIME_WAIT) do not make the port busy.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        }

        try
        {
            socket.Bind(endpoint);
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
