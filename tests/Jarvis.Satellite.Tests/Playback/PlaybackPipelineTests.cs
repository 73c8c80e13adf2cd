using Jarvis.Protocol.Link.Messages;
using Jarvis.Satellite.Aec;
using Jarvis.Satellite.Audio;
using Jarvis.Satellite.Playback;
using Microsoft.Extensions.Time.Testing;

namespace Jarvis.Satellite.Tests.Playback;

/// <summary>The playback loop takes each frame from the jitter buffer only once the speaker is ready for it.</summary>
public sealed class PlaybackPipelineTests
{
    [Fact]
    public void A_paced_speaker_is_waited_for_before_the_frame_is_taken_from_the_jitter_buffer()
    {
        var jitter = new JitterBuffer(new FakePacketDecoder(), new FakeTimeProvider(), new JitterBufferOptions { RealTimeMinTargetMilliseconds = 20, JitterMultiplier = 0 });
        jitter.SetStreamKind(StreamKind.RealTime);
        // The packet arrives while the speaker still plays the previous frame: the frame written next must be that packet.
        var speaker = new ScriptedSpeaker(onWait: () => jitter.Push(0, FakePacketDecoder.Packet(42)));
        var pipeline = new PlaybackPipeline(speaker, jitter, new PlaybackVolume { Level = 1 }, new EchoReference(16000, 0));

        pipeline.PlayFrame(CancellationToken.None);

        Assert.Equal(1, speaker.Waits);
        Assert.Equal(4200, speaker.LastFrame[0]);
        Assert.Equal(1, pipeline.AudibleFrames);
    }

    private sealed class ScriptedSpeaker(Action onWait) : IAudioPlayback
    {
        public int SampleRate => 16000;

        public int FrameSamples => 320;

        public AudioStreamCounters Counters { get; } = new();

        public int Waits { get; private set; }

        public short[] LastFrame { get; } = new short[320];

        public void WaitUntilReady(CancellationToken cancellationToken)
        {
            Waits++;
            onWait();
        }

        public void WriteFrame(ReadOnlySpan<short> frame, CancellationToken cancellationToken) => frame.CopyTo(LastFrame);

        public void Dispose()
        {
        }
    }
}
