using System.Threading.Channels;
using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Satellite.Link;

namespace Jarvis.Bench.Satellite;

/// <summary>
/// An in-memory server for the live harness: answers hello with welcome (conversation active, so the
/// satellite streams continuously), answers pings, and sends every uplink frame straight back as downlink.
/// </summary>
internal sealed class LoopbackLinkTransport : ILinkTransport
{
    private readonly Channel<LinkInbound> inbound = Channel.CreateUnbounded<LinkInbound>();
    private readonly LinkMessageReader reader = new(LinkPeer.Server);

    public ChannelReader<LinkInbound> Inbound => inbound.Reader;

    public LinkCloseInfo? CloseInfo => null;

    public long Echoed { get; private set; }

    public Task ConnectAsync(Uri uri, CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask SendAsync(ReadOnlyMemory<byte> message, LinkFrameType type, CancellationToken cancellationToken)
    {
        var result = reader.Read(type, message.Span);
        if (result.Kind == LinkReadKind.Audio)
        {
            var frame = new byte[AudioFrameCodec.FrameLength(result.Payload.Length)];
            AudioFrameCodec.Write(result.Audio with { Direction = StreamDirection.Downlink }, result.Payload, frame);
            inbound.Writer.TryWrite(new LinkInbound(LinkFrameType.Binary, frame));
            Echoed++;
        }
        else if (result.Message is HelloMessage)
        {
            var stream = new AudioStreamParameters(LinkCodec.Opus, 16000, 20);
            Reply(new WelcomeMessage(LinkProtocol.Version, "loopback", "bench", stream, stream, true, 1000));
        }
        else if (result.Message is PingMessage ping)
        {
            Reply(new PongMessage(ping.T0, ping.T0, ping.T0));
        }

        return ValueTask.CompletedTask;
    }

    public Task CloseAsync(int code, string reason, CancellationToken cancellationToken)
    {
        inbound.Writer.TryComplete();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        inbound.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    private void Reply(LinkMessage message) =>
        inbound.Writer.TryWrite(new LinkInbound(LinkFrameType.Text, LinkMessageWriter.ToUtf8(message)));
}
