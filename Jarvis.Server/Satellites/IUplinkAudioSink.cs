
namespace Jarvis.Server.Satellites;

/// <summary>Where satellite microphone packets go once the link has read them (the duplex router, the wake glue).</summary>
public interface IUplinkAudioSink
{
    /// <summary>One Opus packet from <paramref name="session"/>; the memory is only valid during the call.</summary>
    ValueTask OnUplinkAsync(SatelliteSession session, ReadOnlyMemory<byte> opusPacket, long receivedTimestamp, CancellationToken cancellationToken);
}
