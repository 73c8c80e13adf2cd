using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Protocol.Tests.Link;

/// <summary>One valid instance of every control message, with the side that sends it.</summary>
internal static class LinkSamples
{
    public static readonly SatelliteCapabilities Capabilities =
        new([16000, 48000], [LinkCodec.Opus, LinkCodec.Pcm16], HasSpeaker: true, LedKind.Apa102Ring, HasButton: true,
            HasEchoCancellation: true);

    public static readonly AudioStreamParameters Uplink = new(LinkCodec.Opus, 16000, 20);

    public static IReadOnlyList<(LinkMessage Message, LinkPeer Sender)> All { get; } =
    [
        (new HelloMessage(1, "kitchen-1", "kitchen", "s3cr3t-token", Capabilities, "1.2.3"), LinkPeer.Satellite),
        (new HelloMessage(1, "den", "den", "t", Capabilities), LinkPeer.Satellite),
        (new WelcomeMessage(1, "jarvis-mac", "sess-42", Uplink, new AudioStreamParameters(LinkCodec.Opus, 24000, 80), true, 5000),
            LinkPeer.Server),
        (new WelcomeMessage(1, "jarvis-mac", "sess-43", Uplink, new AudioStreamParameters(LinkCodec.Opus, 24000, 80), false, 5000, 60),
            LinkPeer.Server),
        (new RejectMessage(RejectReason.BadToken, "The token for 'den' is wrong: copy it from the server's satellites section."),
            LinkPeer.Server),
        (new PendingMessage("Satellite den waits for approval: open the Jarvis status page and approve it (pairing code 3A9F0C).", "3A9F0C", 5000),
            LinkPeer.Server),
        (new MuteMessage(true, MuteSource.Button), LinkPeer.Satellite),
        (new MuteMessage(false, MuteSource.Mqtt), LinkPeer.Server),
        (new ButtonMessage(ButtonPress.Long, 123_456_789), LinkPeer.Satellite),
        (new VoiceActivityMessage(VoiceActivityState.Start, 0.93, 5_000_000, -23.5), LinkPeer.Satellite),
        (new VoiceActivityMessage(VoiceActivityState.Stop, 0.5, 6_000_000), LinkPeer.Satellite),
        (new VoiceLevelMessage(-31.25, 5_250_000), LinkPeer.Satellite),
        (new LedMessage(LedState.Thinking), LinkPeer.Server),
        (new ConversationMessage(true, "conv-7"), LinkPeer.Server),
        (new ConversationMessage(false), LinkPeer.Server),
        (new FlushMessage(FlushReason.BargeIn), LinkPeer.Server),
        (new StreamMessage(StreamKind.RealTime), LinkPeer.Server),
        (new StreamMessage(StreamKind.Burst), LinkPeer.Server),
        (new VolumeMessage(0.75), LinkPeer.Server),
        (new PingMessage(1_000), LinkPeer.Satellite),
        (new PongMessage(1_000, 2_000_000, 2_000_050), LinkPeer.Server),
        (new LinkStatsMessage(500, 480, 3, 1, 4.5, 60, 60, 2, 0, 0), LinkPeer.Satellite),
        (new ErrorMessage("audio_device_failed", "The capture device disappeared."), LinkPeer.Satellite),
    ];

    public static IEnumerable<object[]> Indexes() => All.Select((_, index) => new object[] { index });

    public static LinkPeer Other(LinkPeer peer) => peer == LinkPeer.Server ? LinkPeer.Satellite : LinkPeer.Server;
}
