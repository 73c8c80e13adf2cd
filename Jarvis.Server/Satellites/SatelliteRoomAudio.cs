using Jarvis.Server.Rooms;
using Jarvis.Server.Speech;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Satellites;

/// <summary>
/// Gives the speech pipeline an <see cref="IRoomAudioSink"/> for a room: its satellite's playback over the link. What it
/// plays tells the room's conversation when the user will have heard it (the quiet period counts from then).
/// </summary>
public sealed class SatelliteRoomAudio(SatelliteRegistry satellites, ConversationCoordinator coordinator, IOptions<RoomAudioOptions> audio, TimeProvider time)
{
    public IRoomAudioSink For(string room) => new SatelliteRoomAudioSink(room, satellites, coordinator, audio.Value.SampleRate, time);
}
