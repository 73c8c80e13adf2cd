using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Satellite.Audio;
using Jarvis.Satellite.Playback;
using Jarvis.Satellite.Uplink;

namespace Jarvis.Satellite.Link;

/// <summary>
/// A connection's clockwork: pings at the server's interval, stats (which also tune the uplink FEC to the
/// measured loss), and the idle watchdog that closes a link that stayed silent for three ping intervals.
/// </summary>
internal sealed class LinkHeartbeat(
    ILinkTransport transport, LinkOutbox outbox, LinkUplink uplink, JitterBuffer jitter, AudioDeviceCounters devices,
    MonotonicClock clock, TimeProvider time, TimeSpan pingInterval, TimeSpan statsInterval)
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private long lastReceived = time.GetTimestamp();

    /// <summary>Called by the receive loop for every message.</summary>
    public void Received() => Volatile.Write(ref lastReceived, time.GetTimestamp());

    public async Task RunAsync(CancellationToken ct)
    {
        var lastPing = time.GetTimestamp();
        var lastStats = lastPing;
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(Tick, time, ct).ConfigureAwait(false);
            if (time.GetElapsedTime(Volatile.Read(ref lastReceived)) > pingInterval * 3)
            {
                await transport.CloseAsync(LinkCloseCodes.IdleTimeout, "nothing received for three ping intervals", ct).ConfigureAwait(false);
                throw new LinkProtocolException("the server went quiet", LinkCloseCodes.IdleTimeout);
            }

            if (time.GetElapsedTime(lastPing) >= pingInterval)
            {
                lastPing = time.GetTimestamp();
                outbox.PostControl(new PingMessage(clock.NowUs));
            }

            if (time.GetElapsedTime(lastStats) >= statsInterval)
            {
                lastStats = time.GetTimestamp();
                outbox.PostControl(Stats());
            }
        }
    }

    public LinkStatsMessage Stats()
    {
        var s = jitter.Stats();
        uplink.ExpectedLossPercent = (int)Math.Ceiling(s.LossPercent);
        return new LinkStatsMessage(uplink.FramesSent, s.Received, s.Lost, s.Late, s.JitterMilliseconds, s.DepthMilliseconds,
            s.TargetMilliseconds, s.Underruns, s.Overruns, devices.Capture?.Overruns ?? 0);
    }
}
