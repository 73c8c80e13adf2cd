using System.Net;
using System.Net.Sockets;

namespace Jarvis.Server.Reconnect;

/// <summary>
/// Waits out one reconnect back-off of a backend, cut short as soon as the backend's TCP port opens again: while waiting it
/// probes the port every <c>probeInterval</c> (a connect accepted and closed at once), and once the port has refused (or not
/// answered) and then accepts, the wait ends, so a backend that returns late in a long back-off is reconnected within one
/// probe interval. A port that accepts from the start (the backend is up but failed the handshake) is probed once and the
/// full back-off runs: no reconnect storm, no stream of connections to a live backend. Nothing is probed outside a wait.
/// </summary>
public sealed class ReconnectWait
{
    /// <summary>When a port accepts at the first probe, it is probed once more this much later, then left alone.</summary>
    public static readonly TimeSpan SecondLook = TimeSpan.FromSeconds(1);

    private readonly string _host;
    private readonly int _port;
    private readonly TimeSpan _probeInterval;
    private readonly TimeProvider _time;
    private readonly IPortProbe _probe;

    /// <param name="host">The backend's host name or address.</param>
    /// <param name="port">The backend's TCP port.</param>
    /// <param name="probeInterval">How often the port is probed while waiting; zero waits out every back-off in full.</param>
    public ReconnectWait(string host, int port, TimeSpan probeInterval, TimeProvider time, IPortProbe probe)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(probeInterval, TimeSpan.Zero);
        _host = host.Trim('[', ']'); // an IPv6 literal from a URI
        _port = port;
        _probeInterval = probeInterval;
        _time = time;
        _probe = probe;
    }

    /// <summary>A wait for the backend at <paramref name="endpoint"/> (its host and port, the scheme's default port if none).</summary>
    public ReconnectWait(Uri endpoint, TimeSpan probeInterval, TimeProvider time, IPortProbe probe)
        : this(endpoint.IdnHost, endpoint.Port, probeInterval, time, probe)
    {
    }

    /// <summary>
    /// Waits <paramref name="backoff"/>, or less when the port reopened. True when the wait was cut short (the port reopened).
    /// </summary>
    public async Task<bool> DelayAsync(TimeSpan backoff, CancellationToken cancellationToken)
    {
        if (_probeInterval <= TimeSpan.Zero || backoff <= _probeInterval)
        {
            await Task.Delay(backoff, _time, cancellationToken).ConfigureAwait(false);
            return false;
        }

        using var waitEnd = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var full = Task.Delay(backoff, _time, waitEnd.Token);
        var reopened = WaitUntilReopenedAsync(waitEnd.Token);
        var first = await Task.WhenAny(full, reopened).ConfigureAwait(false);
        await waitEnd.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(full, reopened).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        cancellationToken.ThrowIfCancellationRequested();
        return first == reopened && reopened.IsCompletedSuccessfully;
    }

    private async Task WaitUntilReopenedAsync(CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(cancellationToken).ConfigureAwait(false);
        var seenClosed = false;
        var seenOpen = false;
        while (addresses is not null)
        {
            if (await _probe.AcceptsAsync(addresses, _port, _probeInterval, cancellationToken).ConfigureAwait(false))
            {
                if (seenClosed)
                {
                    return;
                }

                if (seenOpen)
                {
                    break; // still up after a second look: a protocol-level failure, for the back-off to space out
                }

                // Up, yet the last attempt failed: a protocol-level failure, or a backend on its way down (it dropped the
                // connection and closes its listener a moment later, as mosquitto and Home Assistant do when stopped).
                seenOpen = true;
                await Task.Delay(SecondLook, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            seenClosed = true;
            await Task.Delay(_probeInterval, _time, cancellationToken).ConfigureAwait(false);
        }

        await Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The host's addresses, looked up once per wait; null when the name does not resolve (the back-off runs in full).</summary>
    private async Task<IPAddress[]?> ResolveAsync(CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(_host, out var address))
        {
            return [address];
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(_host, cancellationToken).ConfigureAwait(false);
            return addresses.Length > 0 ? addresses : null;
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
