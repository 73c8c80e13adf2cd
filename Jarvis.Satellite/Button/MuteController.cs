using Jarvis.Protocol.Link.Messages;
using Jarvis.Satellite.Hosting;
using Jarvis.Satellite.Uplink;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jarvis.Satellite.Button;

/// <summary>
/// Changes the mute state: applies it (audio dropped at the source), persists it, reports it. A mute set with the button
/// is a privacy mute: only the button lifts it (unless <see cref="ButtonOptions.AllowRemoteUnmute"/>); remote mute always
/// works. The state fails closed: unreadable or unwritable, the satellite starts muted with the error LED.
/// </summary>
public sealed partial class MuteController(
    SatelliteStatus status, MuteStateStore store, SatelliteEvents events, MonotonicClock clock, IOptions<ButtonOptions> options,
    ILogger<MuteController> logger)
{
    private readonly Lock gate = new();
    private MuteSource source = MuteSource.Startup;

    /// <summary>Who muted the satellite (meaningful while muted).</summary>
    public MuteSource Source
    {
        get
        {
            lock (gate)
            {
                return source;
            }
        }
    }

    /// <summary>The state to report after the handshake: muted with who muted it, or unmuted (startup).</summary>
    public MuteMessage Report()
    {
        lock (gate)
        {
            return new MuteMessage(status.Muted, status.Muted ? source : MuteSource.Startup);
        }
    }

    /// <summary>Restores the state saved before the last restart; fails closed when it cannot be read or written.</summary>
    public void Restore()
    {
        lock (gate)
        {
            var loaded = store.Load();
            var state = loaded ?? MuteState.FailClosed;
            if (!store.Save(state))
            {
                state = MuteState.FailClosed;
                loaded = null;
            }

            if (loaded is null)
            {
                status.SetStateFault(true);
                LogFailedClosed(store.Path);
            }

            source = state.Source;
            status.SetMuted(state.Muted);
        }
    }

    /// <summary>Sets the state; false when refused (a remote unmute of a privacy mute).</summary>
    public bool Set(bool muted, MuteSource requester)
    {
        lock (gate)
        {
            if (status.Muted == muted)
            {
                return true;
            }

            if (!muted && source == MuteSource.Button && requester != MuteSource.Button && !options.Value.AllowRemoteUnmute)
            {
                LogRemoteUnmuteRefused(requester);
                return false;
            }

            if (!store.Save(new MuteState(muted, requester)))
            {
                status.SetStateFault(true);
            }

            source = muted ? requester : MuteSource.Startup;
            status.SetMuted(muted);
            events.Publish(new SatelliteEvent(SatelliteEventKind.MuteChanged, clock.NowUs, Muted: muted, Source: requester));
            return true;
        }
    }

    public void Toggle(MuteSource requester)
    {
        lock (gate)
        {
            Set(!status.Muted, requester);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Starting muted with the error LED: the mute state at {Path} cannot be read or written. Press the button to unmute once it is fixed.")]
    private partial void LogFailedClosed(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to unmute on a {Requester} command: the microphone was muted with the button, and only the button unmutes it (Satellite:Button:AllowRemoteUnmute)")]
    private partial void LogRemoteUnmuteRefused(MuteSource requester);
}
