using System.Net;
using Jarvis.Server.Reconnect;

namespace Jarvis.Server.Tests.Reconnect;

/// <summary>A port that is open or closed as the test says; counts the probes.</summary>
internal sealed class ScriptedPortProbe : IPortProbe
{
    private int _probes;

    public volatile bool Open;

    public int Probes => Volatile.Read(ref _probes);

    public ValueTask<bool> AcceptsAsync(IPAddress[] addresses, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _probes);
        return ValueTask.FromResult(Open);
    }
}
