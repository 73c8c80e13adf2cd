using System.Net;
using Makaretu.Dns;

namespace Jarvis.Protocol.Discovery;

/// <summary>
/// How a Jarvis server is found on the LAN (DNS-SD over mDNS, RFC 6762/6763, as ESPHome and Wyoming devices are): the
/// service type <c>_jarvis._tcp.local</c>, an SRV record with the HTTP port, address records, and TXT keys <c>path</c>
/// (the link path), <c>version</c> (the link protocol version), <c>tls</c> (<c>1</c> for <c>wss://</c>) and
/// <c>server_id</c>. Pure message building and parsing (Makaretu.Dns's wire format); the sockets are the server's and
/// the satellite's.
/// </summary>
public static class JarvisServiceRecord
{
    public const string ServiceType = "_jarvis._tcp";
    public const string PathKey = "path";
    public const string VersionKey = "version";
    public const string TlsKey = "tls";
    public const string ServerIdKey = "server_id";

    /// <summary>The mDNS group and port.</summary>
    public static readonly IPEndPoint MulticastEndPoint = new(IPAddress.Parse("224.0.0.251"), 5353);

    public static readonly DomainName ServiceName = new($"{ServiceType}.local");

    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(2);

    /// <summary>The question a satellite asks: PTR <c>_jarvis._tcp.local</c>.</summary>
    public static Message Query()
    {
        var query = new Message { Id = 0 };
        query.Questions.Add(new Question { Name = ServiceName, Type = DnsType.PTR, Class = DnsClass.IN });
        return query;
    }

    /// <summary>True when <paramref name="message"/> is a query that asks for the Jarvis service (PTR or ANY).</summary>
    public static bool Asks(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.IsQuery && message.Questions.Any(q =>
            q.Name == ServiceName && q.Type is DnsType.PTR or DnsType.ANY);
    }

    /// <summary>The answer: PTR → instance, SRV (host, port), TXT, and the host's addresses as additional records.</summary>
    public static Message Answer(string instance, string host, int port, IEnumerable<IPAddress> addresses, IReadOnlyDictionary<string, string> txt, ushort id = 0)
    {
        ArgumentNullException.ThrowIfNull(txt);
        var instanceName = DomainName.Join(new DomainName(instance.Replace('.', '-')), ServiceName);
        var hostName = new DomainName($"{host}.local");
        var answer = new Message { Id = id, QR = true, AA = true };
        answer.Answers.Add(new PTRRecord { Name = ServiceName, DomainName = instanceName, TTL = Ttl });
        answer.AdditionalRecords.Add(new SRVRecord { Name = instanceName, Target = hostName, Port = (ushort)port, TTL = Ttl });
        answer.AdditionalRecords.Add(new TXTRecord { Name = instanceName, Strings = txt.Select(kv => $"{kv.Key}={kv.Value}").ToList(), TTL = Ttl });
        foreach (var address in addresses)
        {
            answer.AdditionalRecords.Add(AddressRecord.Create(hostName, address));
        }

        return answer;
    }

    /// <summary>The link URL in an answer (SRV port and target, its address — IPv4 first — and TXT), or null.</summary>
    public static Uri? LinkUriOf(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var records = message.Answers.Concat(message.AdditionalRecords).ToArray();
        foreach (var ptr in records.OfType<PTRRecord>().Where(p => p.Name == ServiceName))
        {
            if (records.OfType<SRVRecord>().FirstOrDefault(r => r.Name == ptr.DomainName) is not { } srv)
            {
                continue;
            }

            var txt = records.OfType<TXTRecord>().Where(r => r.Name == ptr.DomainName).SelectMany(r => r.Strings)
                .Select(s => s.Split('=', 2)).Where(kv => kv.Length == 2)
                .GroupBy(kv => kv[0], StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First()[1], StringComparer.OrdinalIgnoreCase);
            var address = records.OfType<AddressRecord>().Where(r => r.Name == srv.Target).Select(r => r.Address)
                .OrderBy(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 0 : 1)
                .ThenBy(a => a.IsIPv6LinkLocal ? 1 : 0).FirstOrDefault();
            if (address is not null && LinkUri(address.ToString(), srv.Port, txt) is { } uri)
            {
                return uri;
            }
        }

        return null;
    }

    /// <summary>The link URL from a host, port and TXT properties (null when the TXT describes another protocol version).</summary>
    public static Uri? LinkUri(string host, int port, IReadOnlyDictionary<string, string> txt)
    {
        ArgumentNullException.ThrowIfNull(txt);
        if (txt.TryGetValue(VersionKey, out var version) && version != Link.LinkProtocol.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return null;
        }

        var path = txt.TryGetValue(PathKey, out var p) && p.StartsWith('/') ? p : Link.LinkProtocol.Path;
        var scheme = txt.TryGetValue(TlsKey, out var tls) && tls == "1" ? "wss" : "ws";
        var authority = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
        return Uri.TryCreate($"{scheme}://{authority}:{port}{path}", UriKind.Absolute, out var uri) ? uri : null;
    }
}
