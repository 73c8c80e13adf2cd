using System.Threading.Channels;
using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Satellite.Link;

/// <summary>
/// What one connection has to send, in order. Bounded (5 s of audio): when the network stalls the newest
/// frames are dropped and their buffers returned to the pool.
/// </summary>
internal sealed class LinkOutbox
{
    private readonly Channel<OutgoingFrame> channel = Channel.CreateBounded<OutgoingFrame>(
        new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
        dropped => dropped.Release());

    public ChannelReader<OutgoingFrame> Reader => channel.Reader;

    /// <summary>Takes ownership of <paramref name="buffer"/> (rented from the shared pool).</summary>
    public void PostAudio(byte[] buffer, int length)
    {
        if (!channel.Writer.TryWrite(new OutgoingFrame(buffer, length, null)))
        {
            new OutgoingFrame(buffer, length, null).Release();
        }
    }

    public void PostControl(LinkMessage message) => channel.Writer.TryWrite(new OutgoingFrame(null, 0, message));

    /// <summary>Stops accepting frames and returns the buffers of those not sent.</summary>
    public void Close()
    {
        channel.Writer.TryComplete();
        while (channel.Reader.TryRead(out var frame))
        {
            frame.Release();
        }
    }
}
