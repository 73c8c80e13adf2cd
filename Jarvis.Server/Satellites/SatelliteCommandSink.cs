using Jarvis.Protocol.Link.Messages;
using Jarvis.Server.Rooms;

namespace Jarvis.Server.Satellites;

/// <summary>
/// Turns hub decisions into messages to the satellites concerned (an idle LED as <see cref="IRoomIdleLed"/> says; the error
/// LED with the <see cref="ErrorEarcon"/>).
/// </summary>
public sealed class SatelliteCommandSink(SatelliteRegistry satellites, RoomLeds leds, IRoomIdleLed idleLed, ErrorEarcon earcon) : IHubCommandSink
{
    public int Order => 10;

    public ValueTask HandleAsync(HubCommand command, CancellationToken cancellationToken)
    {
        var session = satellites.ByRoom(command.Room);
        switch (command.Kind)
        {
            case HubCommandKind.Start:
                session?.SetConversation(true);
                break;
            case HubCommandKind.Move:
                session?.SetConversation(true);
                break;
            case HubCommandKind.StandDown:
            case HubCommandKind.End:
                session?.SetConversation(false);
                break;
            case HubCommandKind.Flush:
                session?.Outbound.Flush(command.State ? FlushReason.Handoff : FlushReason.EndOfConversation);
                break;
            case HubCommandKind.Led:
                if (command.Led == RoomLed.Error && session is not null)
                {
                    // The error earcon with the error LED: PersonaPlex failed under the conversation.
                    foreach (var packet in earcon.Packets)
                    {
                        session.SendAudio(packet, StreamKind.Burst);
                    }
                }

                leds.Show(command.Room, command.Led == RoomLed.Idle ? idleLed.For(command.Room) : command.Led);
                break;
            case HubCommandKind.Mute when session is not null && session.Muted != command.State:
                session.Muted = command.State;
                session.Outbound.SetMuted(command.State);
                break;
        }

        return ValueTask.CompletedTask;
    }
}
