using Jarvis.Protocol.Link;
using Jarvis.Protocol.Opus;
using Jarvis.Satellite.Link;
using Jarvis.Satellite.Uplink;

namespace Jarvis.Satellite.Tests.Link;

/// <summary>What the uplink posts: one frame per packet in a conversation, joined packets on the wake path when offered.</summary>
public sealed class LinkUplinkTests : IDisposable
{
    private readonly LinkUplink _uplink = new(16000, 20, new LinkOptions(), new MonotonicClock(TimeProvider.System));
    private readonly LinkOutbox _outbox = new();
    private readonly short[] _speech = Speech(2.0);
    private int _frame;

    [Fact]
    public void Without_an_offer_every_frame_is_its_own_packet()
    {
        _uplink.Attach(_outbox);

        Send(6, inConversation: false);

        Assert.Equal([20, 20, 20, 20, 20, 20], Posted().Select(p => p.Ms));
    }

    [Fact]
    public void On_the_wake_path_frames_are_joined_into_packets_of_the_offered_duration()
    {
        _uplink.Attach(_outbox, wakePacketMs: 60);

        Send(7, inConversation: false);
        var joined = Posted();
        _uplink.EndOfStream(); // the voice stopped: the frame that waits goes now
        var rest = Posted();

        Assert.Equal([60, 60], joined.Select(p => p.Ms));
        Assert.Equal([20], rest.Select(p => p.Ms));
        Assert.Equal([0u, 1u, 2u], joined.Concat(rest).Select(p => p.Sequence)); // one sequence number per packet
        Assert.Equal(3, _uplink.FramesSent);
    }

    [Fact]
    public void When_a_conversation_starts_what_was_joined_goes_at_once_then_single_frames()
    {
        _uplink.Attach(_outbox, wakePacketMs: 60);

        Send(4, inConversation: false);
        Send(3, inConversation: true);

        Assert.Equal([60, 20, 20, 20, 20], Posted().Select(p => p.Ms));
    }

    [Fact]
    public void Joined_packets_carry_the_same_audio_as_single_frames()
    {
        using var reference = new LinkUplink(16000, 20, new LinkOptions(), new MonotonicClock(TimeProvider.System));
        var single = new LinkOutbox();
        reference.Attach(single);
        _uplink.Attach(_outbox, wakePacketMs: 60);

        for (var i = 0; i < 30; i++)
        {
            var pcm = _speech.AsSpan(i * 320, 320);
            reference.SendFrame(pcm, inConversation: false);
            _uplink.SendFrame(pcm, inConversation: false);
        }

        Assert.Equal(Decode(Drain(single)), Decode(Drain(_outbox)));
    }

    [Fact]
    public void What_was_joined_for_a_session_that_ended_is_not_sent_on_the_next()
    {
        _uplink.Attach(_outbox, wakePacketMs: 60);
        Send(2, inConversation: false);
        _uplink.Detach();
        var next = new LinkOutbox();
        _uplink.Attach(next, wakePacketMs: 60);

        Send(3, inConversation: false);

        Assert.Empty(Posted());
        Assert.Equal([60], Drain(next).Select(p => OpusPacket.GetSampleCount(p.AsSpan(LinkProtocol.AudioHeaderBytes), 16000) / 16));
    }

    [Fact]
    public void Joining_allocates_nothing_per_frame()
    {
        _uplink.Attach(_outbox, wakePacketMs: 60);
        Send(6, inConversation: false);
        _ = Drain(_outbox);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 60; i++)
        {
            _uplink.SendFrame(_speech.AsSpan(i % 90 * 320, 320), inConversation: false);
            while (_outbox.Reader.TryRead(out var frame))
            {
                frame.Release();
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    public void Dispose() => _uplink.Dispose();

    private void Send(int frames, bool inConversation)
    {
        for (var i = 0; i < frames; i++, _frame++)
        {
            _uplink.SendFrame(_speech.AsSpan(_frame % 90 * 320, 320), inConversation);
        }
    }

    private List<(int Ms, uint Sequence)> Posted() =>
        Drain(_outbox).Select(frame =>
        {
            Assert.Equal(AudioFrameStatus.Ok, AudioFrameCodec.TryRead(frame, out var header, out var payload));
            return (OpusPacket.GetSampleCount(payload, 16000) / 16, header.Sequence);
        }).ToList();

    private static List<byte[]> Drain(LinkOutbox outbox)
    {
        var frames = new List<byte[]>();
        while (outbox.Reader.TryRead(out var frame))
        {
            frames.Add(frame.Buffer.AsSpan(0, frame.Length).ToArray());
            frame.Release();
        }

        return frames;
    }

    private static short[] Decode(List<byte[]> frames)
    {
        using var decoder = OpusFrameDecoder.Create(16000);
        var pcm = new short[OpusFrameDecoder.MaxSamplesPerPacket(16000)];
        var all = new List<short>();
        foreach (var frame in frames)
        {
            all.AddRange(pcm.AsSpan(0, decoder.Decode(frame.AsSpan(LinkProtocol.AudioHeaderBytes), pcm)).ToArray());
        }

        return [.. all];
    }

    private static short[] Speech(double seconds)
    {
        var samples = new short[(int)(16000 * seconds)];
        for (var n = 0; n < samples.Length; n++)
        {
            var t = n / 16000.0;
            samples[n] = (short)(6000 * Math.Sin(2 * Math.PI * 180 * t) * (0.3 + (0.7 * Math.Abs(Math.Sin(2 * Math.PI * 3 * t)))));
        }

        return samples;
    }
}
