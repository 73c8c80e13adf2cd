using System.Net;
using Jarvis.Protocol.Discovery;
using Makaretu.Dns;
using Microsoft.Extensions.Logging;

namespace Jarvis.Satellite.Discovery;

/// <summary>
/// Asks the LAN for <c>_jarvis._tcp</c> by mDNS (DNS-SD) and builds the link URL from the answer's SRV (port, host), address
/// (IPv4 preferred) and TXT (path, version) records. One query per call; the link supervisor retries with its backoff.
/// </summary>
public sealed partial class MdnsServerLocator(TimeProvider time, ILogger<MdnsServerLocator> logger) : IServerLocator
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(3);
    private int _misses;

    public async Task<Uri> LocateAsync(CancellationToken cancellationToken)
    {
        using var mdns = new MulticastService();
        using var discovery = new ServiceDiscovery(mdns);
        var found = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        discovery.ServiceInstanceDiscovered += (_, e) =>
        {
            if (LinkUriOf(e.ServiceInstanceName, e.Message) is { } uri)
            {
                found.TrySetResult(uri);
            }
        };
        mdns.Start();
        discovery.QueryServiceInstances(JarvisServiceRecord.ServiceType);
        try
        {
            var uri = await found.Task.WaitAsync(AnswerTimeout, time, cancellationToken).ConfigureAwait(false);
            LogFound(uri);
            _misses = 0;
            return uri;
        }
        catch (TimeoutException)
        {
            if (_misses++ % 20 == 0)
            {
                LogNotFound(JarvisServiceRecord.ServiceType, _misses);
            }

            throw new TimeoutException($"no Jarvis server answered the mDNS query for {JarvisServiceRecord.ServiceType} within {AnswerTimeout.TotalSeconds:0} s (is the server running on this network? else set Satellite:Link:ServerUrl)");
        }
        finally
        {
            mdns.Stop();
        }
    }

    /// <summary>The link URL in an answer about <paramref name="instance"/>, or null when the answer lacks SRV or an address.</summary>
    public static Uri? LinkUriOf(DomainName instance, Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var records = message.Answers.Concat(message.AdditionalRecords).ToArray();
        if (records.OfType<SRVRecord>().FirstOrDefault(r => r.Name == instance) is not { } srv)
        {
            return null;
        }

        var txt = records.OfType<TXTRecord>().Where(r => r.Name == instance).SelectMany(r => r.Strings)
            .Select(s => s.Split('=', 2)).Where(kv => kv.Length == 2)
            .GroupBy(kv => kv[0], StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First()[1], StringComparer.OrdinalIgnoreCase);
        var addresses = records.OfType<AddressRecord>().Where(r => r.Name == srv.Target).Select(r => r.Address)
            .OrderBy(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 0 : 1)
            .ThenBy(a => a.IsIPv6LinkLocal ? 1 : 0).ToArray();
        if (addresses.FirstOrDefault() is not IPAddress address)
        {
            return null;
        }

        return JarvisServiceRecord.LinkUri(address.ToString(), srv.Port, txt);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Jarvis server answered the mDNS query for {Service} ({Misses} tries): is the server running on this network? Else set Satellite:Link:ServerUrl")]
    private partial void LogNotFound(string service, int misses);

    [LoggerMessage(Level = LogLevel.Information, Message = "Found the Jarvis server at {Uri} by mDNS")]
    private partial void LogFound(Uri uri);
}
