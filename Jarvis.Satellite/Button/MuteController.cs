using Jarvis.Protocol.Link.Messages;
using Jarvis.Satellite.Hosting;
using Jarvis.Satellite.Uplink;

namespace Jarvis.Satellite.Button;

/// <summary>Changes the mute state: applies it (audio dropped at the source), persists it, reports it.</summary>
public sealed class MuteController(SatelliteStatus status, MuteStateStore store, SatelliteEvents events, MonotonicClock clock)
{
    private readonly Lock gate = new();

    /// <summary>Restores the state saved before the last restart.</summary>
    public void Restore() => status.SetMuted(store.Load());

    public void Set(bool muted, MuteSource source)
    {
        lock (gate)
        {
            if (status.Muted == muted)
            {
                return;
            }

            store.Save(muted);
            status.SetMuted(muted);
            events.Publish(new SatelliteEvent(SatelliteEventKind.MuteChanged, clock.NowUs, Muted: muted, Source: source));
        }
    }

    public void Toggle(MuteSource source)
    {
        lock (gate)
        {
            Set(!status.Muted, source);
        }
    }
}
