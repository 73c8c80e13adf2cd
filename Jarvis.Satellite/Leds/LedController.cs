using System.Threading.Channels;
using LedState = Jarvis.Protocol.Link.Messages.LedState;

namespace Jarvis.Satellite.Leds;

/// <summary>Where the rest of the satellite posts LED states; <see cref="LedService"/> renders them.</summary>
public sealed class LedController
{
    private readonly Channel<LedState> states = Channel.CreateBounded<LedState>(
        new BoundedChannelOptions(8) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public ChannelReader<LedState> States => states.Reader;

    public void Show(LedState state) => states.Writer.TryWrite(state);
}
