using System.Threading.Channels;

namespace Jarvis.Satellite.Uplink;

/// <summary>Queue of <see cref="SatelliteEvent"/>s from the audio and button side to the link.</summary>
public sealed class SatelliteEvents
{
    private readonly Channel<SatelliteEvent> channel = Channel.CreateBounded<SatelliteEvent>(
        new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public ChannelReader<SatelliteEvent> Reader => channel.Reader;

    public void Publish(SatelliteEvent e) => channel.Writer.TryWrite(e);
}
