using System.Net.WebSockets;
using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.Rooms;

namespace Jarvis.Server.Satellites;

/// <summary>The read loop, control messages and pings of a <see cref="SatelliteConnection"/>.</summary>
internal sealed partial class SatelliteConnection
{
    /// <summary>Reads until the link ends; returns why it ended.</summary>
    private async Task<string> ReadLoopAsync(SatelliteSession session, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var carried = Interlocked.Exchange(ref _carriedReceive, null);
            var (type, status) = carried is not null
                ? await carried.ConfigureAwait(false)
                : await ReceiveAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _lastReceived, deps.Time.GetTimestamp());
            if (type == WebSocketMessageType.Close)
            {
                await CloseAsync((int)WebSocketCloseStatus.NormalClosure, "bye").ConfigureAwait(false);
                return "closed by the satellite";
            }

            if (status == FragmentStatus.TooLarge)
            {
                await CloseAsync(LinkCloseCodes.FrameTooLarge, "frame larger than 65536 bytes").ConfigureAwait(false);
                return "frame too large";
            }

            var read = _reader.Read(type == WebSocketMessageType.Binary ? LinkFrameType.Binary : LinkFrameType.Text, _assembler.Message);
            switch (read.Kind)
            {
                case LinkReadKind.Audio:
                    session.CountIn();
                    if (!session.Muted)
                    {
                        var payload = _assembler.MessageMemory[LinkProtocol.AudioHeaderBytes..];
                        var received = Volatile.Read(ref _lastReceived);
                        foreach (var sink in deps.Uplink)
                        {
                            await sink.OnUplinkAsync(session, payload, received, cancellationToken).ConfigureAwait(false);
                        }
                    }

                    break;
                case LinkReadKind.Control when read.Message is HelloMessage:
                    await CloseAsync(LinkCloseCodes.ProtocolViolation, "second hello").ConfigureAwait(false);
                    return "second hello";
                case LinkReadKind.Control:
                    Handle(session, read.Message!);
                    break;
                case LinkReadKind.Ignored:
                    session.CountUnknown();
                    break;
                default:
                    var (code, reason) = (read.CloseCode, read.CloseReason ?? "protocol error");
                    await CloseAsync(code, reason).ConfigureAwait(false);
                    return reason;
            }
        }

        return "server stopping";
    }

    private void Handle(SatelliteSession session, LinkMessage message)
    {
        var room = session.Room;
        switch (message)
        {
            case MuteMessage mute:
                session.Muted = mute.Muted;
                session.MutedBy = mute.Muted ? mute.Source : null;
                deps.Coordinator.SetMuted(room, mute.Muted);
                break;
            case ButtonMessage button when deps.ButtonObservers.Any(o => o.OnButton(room, button.Press)):
                break;
            case ButtonMessage { Press: ButtonPress.Long }:
                deps.Coordinator.Wake(room, 1.0, WakeSource.LongPress);
                break;
            case VoiceActivityMessage voice:
                var speaking = voice.State == VoiceActivityState.Start;
                var score = WakeScore(voice);
                session.VoiceScore = speaking ? score : 0;
                deps.Coordinator.Voice(room, speaking, score, voice.LevelDbfs);
                if (speaking && deps.WakeMode == WakeMode.Vad)
                {
                    deps.Coordinator.Wake(room, score, WakeSource.Voice);
                }

                var received = deps.Time.GetTimestamp();
                SatelliteLinkLog.VoiceReceived(deps.Logger, voice.State, room, voice.TimestampUs, MonotonicMicroseconds.Of(deps.Time, received));
                foreach (var observer in deps.VoiceObservers)
                {
                    observer.OnVoice(session, speaking, received);
                }

                break;
            case VoiceLevelMessage level:
                deps.Coordinator.Level(room, level.LevelDbfs);
                break;
            case PingMessage ping:
                var t1 = _writer.NowMicroseconds();
                _writer.Send(new PongMessage(ping.T0, t1, _writer.NowMicroseconds()));
                break;
            case PongMessage pong when _clock.Add(pong.T0, pong.T1, pong.T2, _writer.NowMicroseconds()):
                session.RttMilliseconds = _clock.SmoothedRoundTripUs / 1000.0;
                session.ClockOffsetMilliseconds = _clock.OffsetUs / 1000.0;
                break;
            case LinkStatsMessage stats:
                session.LinkStats = (stats.DownlinkLossRatio * 100, stats.JitterMs, stats.JitterBufferMs, stats.JitterBufferTargetMs);
                ObservePlaybackLag(session, stats);
                break;
            case ErrorMessage error:
                SatelliteLinkLog.SatelliteError(deps.Logger, session.Id, error.Code, error.Message);
                break;
        }
    }

    private void ObservePlaybackLag(SatelliteSession session, LinkStatsMessage stats)
    {
        var wasLagging = session.PlaybackLag.Lagging;
        if (session.PlaybackLag.Observe(stats.JitterBufferMs, stats.JitterBufferTargetMs, deps.Options.PlaybackLagMargin,
                deps.Options.PlaybackLagSustain, deps.Time.GetUtcNow()))
        {
            SatelliteLinkLog.PlaybackLate(deps.Logger, session.Room, stats.JitterBufferMs, stats.JitterBufferTargetMs);
        }
        else if (wasLagging && !session.PlaybackLag.Lagging)
        {
            SatelliteLinkLog.PlaybackCaughtUp(deps.Logger, session.Room, stats.JitterBufferMs);
        }
    }

    /// <summary>
    /// How well the room hears the speaker as a score (MQTT claims between servers carry only this): the speech level when
    /// known (-60..0 dBFS → 0..1), else the VAD score. Local arbitration compares the levels themselves.
    /// </summary>
    private static double WakeScore(VoiceActivityMessage voice) =>
        voice.LevelDbfs is { } level ? Math.Clamp((level + 60) / 60, 0, 1) : voice.Score;

    private async Task PingLoopAsync(SatelliteSession session, CancellationToken cancellationToken)
    {
        var interval = deps.Options.PingInterval;
        using var timer = new PeriodicTimer(interval, deps.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                if (deps.Time.GetElapsedTime(Volatile.Read(ref _lastReceived)) > interval * 3)
                {
                    SatelliteLinkLog.Dropped(deps.Logger, session.Id, "idle timeout");
                    await CloseAsync(LinkCloseCodes.IdleTimeout, "nothing received for three ping intervals").ConfigureAwait(false);
                    return;
                }

                _writer.Send(new PingMessage(_writer.NowMicroseconds()));
            }
        }
        catch (OperationCanceledException)
        {
            // Link closing.
        }
    }
}
