using System.Net;
using Jarvis.Server.Reconnect;

namespace Jarvis.Server.Tests.Reconnect;

/// <summary>The real TCP probe, counted: shows when and how often a reconnect loop probed (its backend's port only, when given).</summary>
internal sealed class CountingPortProbe(int? onlyPort = null) : IPortProbe
{
    private readonly TcpPortProbe _inner = new(TimeProvider.System);
    private int _probes;
    private readonly int? counted = onlyPort;
    private int _refused;

    public int Probes => Volatile.Read(ref _probes);

    /// <summary>Probes the port refused (or did not answer).</summary>
    public int Refused => Volatile.Read(ref _refused);

    public async ValueTask<bool> AcceptsAsync(IPAddress[] addresses, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var accepts = await _inner.AcceptsAsync(addresses, port, timeout, cancellationToken);
        if (port != counted && counted is not null)
        {
            return accepts;
        }

        Interlocked.Increment(ref _probes);
        if (!accepts)
        {
            Interlocked.Increment(ref _refused);
        }

        return accepts;
    }
}
