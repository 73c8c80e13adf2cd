using Jarvis.Server.Speech;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Satellites;

/// <summary>Gives the speech pipeline an <see cref="IRoomAudioSink"/> for a room: its satellite's playback over the link.</summary>
public sealed class SatelliteRoomAudio(SatelliteRegistry satellites, IOptions<RoomAudioOptions> audio, TimeProvider time)
{
    public IRoomAudioSink For(string room) => new SatelliteRoomAudioSink(room, satellites, audio.Value.SampleRate, time);
}
