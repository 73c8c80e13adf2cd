using System.Buffers;
using Jarvis.Protocol.Link;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Protocol.Opus;
using Jarvis.Satellite.Uplink;

namespace Jarvis.Satellite.Link;

/// <summary>
/// Encodes cleaned microphone frames to Opus on the capture thread and posts them to the connected session's
/// outbox (dropped while disconnected). In-band FEC follows the measured loss. A conversation's frames go one per packet, at
/// once; on the wake path (voice-gated audio, no conversation) the frames are joined into packets of the server's
/// <c>welcome.wake_packet_ms</c> (one encoder either way: the stream stays continuous when a conversation starts, and what
/// was joined so far goes at once). No allocation per frame.
/// </summary>
public sealed class LinkUplink : IVoiceUplink, IDisposable
{
    private readonly OpusFrameEncoder encoder;
    private readonly MonotonicClock clock;
    private readonly OpusPacketJoiner joiner;
    private readonly byte[] encoded = new byte[OpusFrameEncoder.MaxPacketSize];
    private volatile LinkOutbox? outbox;
    private volatile int wakePacketFrames = 1;
    private LinkOutbox? joinedFor;
    private volatile int wantedLossPercent;
    private int appliedLossPercent;
    private uint sequence;
    private long framesSent;

    public LinkUplink(int sampleRate, int frameMilliseconds, LinkOptions options, MonotonicClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.clock = clock;
        encoder = OpusFrameEncoder.Create(new OpusEncoderOptions
        {
            SampleRate = sampleRate,
            FrameMilliseconds = frameMilliseconds,
            Application = OpusApplicationKind.Voip,
            Bitrate = options.OpusBitrate,
            Complexity = options.OpusComplexity,
            InbandFec = true,
        });
        joiner = new OpusPacketJoiner(OpusPacket.MaxDurationMilliseconds / frameMilliseconds);
    }

    public int SampleRate => encoder.SampleRate;

    public int FrameMilliseconds => encoder.Options.FrameMilliseconds;

    /// <summary>Packets posted since start (a joined packet counts once).</summary>
    public long FramesSent => Interlocked.Read(ref framesSent);

    /// <summary>The packet-loss percentage the encoder protects against (FEC), from the link's stats.</summary>
    public int ExpectedLossPercent
    {
        get => wantedLossPercent;
        set => wantedLossPercent = Math.Clamp(value, 0, 50);
    }

    /// <summary>True when <paramref name="parameters"/> (from welcome) is what this uplink produces.</summary>
    public bool Accepts(AudioStreamParameters parameters) =>
        parameters.Codec == LinkCodec.Opus && parameters.SampleRate == SampleRate && parameters.FrameMs == FrameMilliseconds;

    /// <summary>Sends to <paramref name="target"/>, joining wake-path frames into packets of up to <paramref name="wakePacketMs"/> (welcome; null: one frame each).</summary>
    internal void Attach(LinkOutbox target, int? wakePacketMs = null)
    {
        wakePacketFrames = Math.Clamp((wakePacketMs ?? FrameMilliseconds) / FrameMilliseconds, 1, joiner.MaxFrames);
        outbox = target;
    }

    internal void Detach() => outbox = null;

    public void SendFrame(ReadOnlySpan<short> pcm, bool inConversation)
    {
        var target = outbox;
        if (!ReferenceEquals(target, joinedFor))
        {
            joiner.Clear(); // joined for a session that ended: its audio is gone with it
            joinedFor = target;
        }

        if (target is null)
        {
            return;
        }

        var loss = wantedLossPercent;
        if (loss != appliedLossPercent)
        {
            encoder.SetPacketLoss(loss);
            appliedLossPercent = loss;
        }

        var frames = inConversation ? 1 : wakePacketFrames;
        if (frames == 1)
        {
            SendJoined(target);
            var buffer = ArrayPool<byte>.Shared.Rent(LinkProtocol.AudioHeaderBytes + OpusFrameEncoder.MaxPacketSize);
            Post(target, buffer, encoder.Encode(pcm, buffer.AsSpan(LinkProtocol.AudioHeaderBytes)));
            return;
        }

        var packet = encoded.AsSpan(0, encoder.Encode(pcm, encoded));
        if (!joiner.CanAdd(packet))
        {
            SendJoined(target); // another configuration (the encoder changed bandwidth): what was joined goes first
        }

        if (joiner.CanAdd(packet))
        {
            joiner.Add(packet);
            if (joiner.Count >= frames)
            {
                SendJoined(target);
            }

            return;
        }

        var single = ArrayPool<byte>.Shared.Rent(LinkProtocol.AudioHeaderBytes + packet.Length);
        packet.CopyTo(single.AsSpan(LinkProtocol.AudioHeaderBytes));
        Post(target, single, packet.Length);
    }

    /// <summary>The stream pauses (voice stopped, muted or the capture ended): what was joined goes now.</summary>
    public void EndOfStream()
    {
        if (outbox is { } target && ReferenceEquals(target, joinedFor))
        {
            SendJoined(target);
        }
    }

    public void Dispose() => encoder.Dispose();

    private void SendJoined(LinkOutbox target)
    {
        if (joiner.Count == 0)
        {
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(LinkProtocol.AudioHeaderBytes + joiner.MaxPacketBytes);
        Post(target, buffer, joiner.Join(buffer.AsSpan(LinkProtocol.AudioHeaderBytes)));
    }

    /// <summary>A joined packet carries the time of its last frame, as a single one carries its own.</summary>
    private void Post(LinkOutbox target, byte[] buffer, int length)
    {
        AudioFrameCodec.WriteHeader(new LinkAudioHeader(StreamDirection.Uplink, LinkCodec.Opus, sequence++, clock.NowUs), buffer);
        target.PostAudio(buffer, LinkProtocol.AudioHeaderBytes + length);
        Interlocked.Increment(ref framesSent);
    }
}
