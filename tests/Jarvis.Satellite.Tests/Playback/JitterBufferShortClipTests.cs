using Jarvis.Protocol.Link.Messages;
using Jarvis.Satellite.Playback;
using Microsoft.Extensions.Time.Testing;

namespace Jarvis.Satellite.Tests.Playback;

/// <summary>
/// A short spoken answer ("Yes.", 260 ms) is played, however it compares with the target: seen on the real-time rig, where
/// the pause before an answer counted as arrival jitter, the target rose to 300 ms and the answer stayed in the buffer
/// until the next one came.
/// </summary>
public sealed class JitterBufferShortClipTests
{
    private const byte Loud = 100;
    private const int ClipPackets = 13; // 260 ms of 20 ms packets
    private readonly FakeTimeProvider time = new();
    private readonly short[] frame = new short[320];
    private uint sequence;

    [Fact]
    public void The_pause_between_two_answers_is_not_jitter_and_the_second_short_answer_plays()
    {
        var buffer = new JitterBuffer(new FakePacketDecoder(), time, new JitterBufferOptions());
        buffer.SetStreamKind(StreamKind.Burst);
        PushClip(buffer);
        Assert.Equal(ClipPackets, LoudFrames(buffer, 200));

        PushClip(buffer); // four seconds later (LoudFrames advanced the clock)

        Assert.True(buffer.Stats().TargetMilliseconds < 100, $"target {buffer.Stats().TargetMilliseconds:0} ms after a pause");
        Assert.Equal(ClipPackets, LoudFrames(buffer, ClipPackets + 5));
    }

    [Fact]
    public void A_clip_shorter_than_the_target_plays_once_nothing_more_arrives_for_as_long_as_the_target()
    {
        var buffer = new JitterBuffer(new FakePacketDecoder(), time, new JitterBufferOptions { MinTargetMilliseconds = 300 });
        buffer.SetStreamKind(StreamKind.Burst);
        PushClip(buffer);

        Assert.Equal(ClipPackets, LoudFrames(buffer, 15 + ClipPackets + 5)); // waits 300 ms, then plays all of it
    }

    private void PushClip(JitterBuffer buffer)
    {
        for (var i = 0; i < ClipPackets; i++)
        {
            buffer.Push(sequence++, FakePacketDecoder.Packet(Loud));
        }
    }

    /// <summary>Reads <paramref name="frames"/> frames at real time; how many carried the clip's audio.</summary>
    private int LoudFrames(JitterBuffer buffer, int frames)
    {
        var loud = 0;
        for (var i = 0; i < frames; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(20));
            buffer.Read(frame);
            loud += frame[0] == Loud * 100 ? 1 : 0;
        }

        return loud;
    }
}
