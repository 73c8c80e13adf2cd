using System.Net;

namespace Jarvis.Server.Reconnect;

/// <summary>
/// Whether a backend's TCP port accepts a connection right now: connected and closed at once, nothing sent, so the backend
/// sees no protocol session.
/// </summary>
public interface IPortProbe
{
    /// <summary>True when one of <paramref name="addresses"/> accepted on <paramref name="port"/> within <paramref name="timeout"/>.</summary>
    ValueTask<bool> AcceptsAsync(IPAddress[] addresses, int port, TimeSpan timeout, CancellationToken cancellationToken);
}
