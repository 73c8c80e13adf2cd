using Jarvis.Protocol.Link.Messages;
using Jarvis.Satellite.Playback;
using Microsoft.Extensions.Time.Testing;

namespace Jarvis.Satellite.Tests.Playback;

/// <summary>Scripted arrivals: real-time streams are held at the target at any depth; bursts play every sample.</summary>
public sealed class JitterBufferStreamKindTests
{
    private const byte Loud = 100;   // 10000 / 32768 ≈ -10 dBFS
    private const byte Quiet = 1;    // 100 / 32768 ≈ -50 dBFS
    private readonly FakeTimeProvider time = new();
    private readonly JitterBuffer buffer;
    private readonly short[] frame = new short[320];
    private readonly byte[][] packets = Enumerable.Range(0, 256).Select(v => FakePacketDecoder.Packet((byte)v)).ToArray();
    private uint sequence;

    public JitterBufferStreamKindTests() =>
        buffer = new JitterBuffer(new FakePacketDecoder(), time, new JitterBufferOptions());

    [Fact]
    public void A_one_second_burst_in_a_real_time_stream_is_cut_to_the_target_at_once()
    {
        buffer.SetStreamKind(StreamKind.RealTime);
        PushAtOnce(50, Loud);

        var depths = new List<double>();
        for (var i = 0; i < 100; i++)
        {
            PushOnTime(Loud);
            buffer.Read(frame);
            var now = buffer.Stats();
            depths.Add(now.DepthMilliseconds - now.TargetMilliseconds); // above the target (which follows the measured jitter)
        }

        var stats = buffer.Stats();
        // Tolerance + a frame, + a frame more while the target falls as the burst's jitter is forgotten (voiced audio is
        // dropped frame by frame only after QuietWaitFrames).
        Assert.All(depths, d => Assert.True(d <= 20 + 20 + 20, $"depth {d:0} ms above the target"));
        Assert.InRange(stats.TrimmedMilliseconds, 900, 1020);
        Assert.Equal(0, stats.Underruns);
    }

    [Fact]
    public void A_burst_in_a_steady_real_time_stream_is_cut_at_once_not_at_the_end_of_the_depth_window()
    {
        buffer.SetStreamKind(StreamKind.RealTime);
        var packet = FakePacketDecoder.Packet(Loud, 80);
        for (var i = 0; i < 40; i++)
        {
            if (i % 4 == 0)
            {
                time.Advance(TimeSpan.FromMilliseconds(80));
                buffer.Push(sequence++, packet);
            }

            buffer.Read(frame);
        }

        // The sender stalled and caught up: 400 ms arrive at once.
        for (var i = 0; i < 5; i++)
        {
            buffer.Push(sequence++, packet);
        }

        buffer.Read(frame);
        var stats = buffer.Stats();
        Assert.True(stats.DepthMilliseconds <= stats.TargetMilliseconds + 80 + 20,
            $"depth {stats.DepthMilliseconds:0} ms one frame after the burst (target {stats.TargetMilliseconds:0} ms)");
        Assert.InRange(stats.TrimmedMilliseconds, 200, 480);
    }

    [Fact]
    public void Steady_80_ms_PersonaPlex_packets_are_not_mistaken_for_latency()
    {
        buffer.SetStreamKind(StreamKind.RealTime);
        var packet = FakePacketDecoder.Packet(Loud, 80);
        for (var i = 0; i < 400; i++)
        {
            if (i % 4 == 0)
            {
                time.Advance(TimeSpan.FromMilliseconds(80));
                buffer.Push(sequence++, packet);
            }

            buffer.Read(frame);
        }

        var stats = buffer.Stats();
        Assert.Equal((0.0, 0L), (stats.TrimmedMilliseconds, stats.Underruns));
    }

    [Fact]
    public void A_burst_plays_every_sample_whatever_its_depth()
    {
        buffer.SetStreamKind(StreamKind.Burst);
        for (var i = 0; i < 150; i++)
        {
            buffer.Push(sequence++, FakePacketDecoder.Packet((byte)(1 + (i % 100))));
        }

        var values = new List<int>();
        for (var i = 0; i < 150; i++)
        {
            values.Add(ReadValue());
        }

        Assert.Equal(Enumerable.Range(0, 150).Select(i => (1 + (i % 100)) * 100), values);
        Assert.Equal(0, buffer.Stats().TrimmedMilliseconds);
    }

    [Fact]
    public void A_small_excess_is_dropped_on_quiet_frames_and_voiced_frames_all_play()
    {
        buffer.SetStreamKind(StreamKind.RealTime);
        // 80 ms too deep (below the cut-at-once size): dropped frame by frame, on quiet frames only.
        PushAtOnce(6, Loud);
        var played = new List<int>();
        for (var i = 0; i < 60; i++)
        {
            PushOnTime(i % 3 == 2 ? Quiet : (byte)(Loud - (i % 50)));
            buffer.Read(frame);
            played.Add(frame[^1]);
        }

        var stats = buffer.Stats();
        Assert.InRange(stats.TrimmedMilliseconds, 40, 100);
        Assert.InRange(stats.DepthMilliseconds, 0, stats.TargetMilliseconds + 40);
        Assert.True(played.Count(v => v == Quiet * 100) < 18, "quiet frames were dropped");
        for (var i = 0; i < 45; i++)
        {
            var voiced = (Loud - (i % 50)) * 100;
            Assert.True(i % 3 == 2 || played.Contains(voiced), $"voiced frame {i} ({voiced}) was played");
        }
    }

    [Fact]
    public void The_cut_is_a_cross_fade_from_the_old_audio_to_the_new()
    {
        // The cut comes at the first frame (a burst); a 40 ms floor keeps the three frames read here from running dry.
        var buffer = new JitterBuffer(new FakePacketDecoder(), time, new JitterBufferOptions { RealTimeMinTargetMilliseconds = 40 });
        buffer.SetStreamKind(StreamKind.RealTime);
        for (var i = 0; i < 30; i++)
        {
            buffer.Push(sequence++, packets[10]);
        }

        for (var i = 0; i < 40; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(20));
            buffer.Push(sequence++, packets[50]);
        }

        var samples = new List<short>();
        for (var i = 0; i < 3; i++)
        {
            buffer.Read(frame);
            samples.AddRange(frame);
        }

        var steps = samples.Zip(samples.Skip(1), (a, b) => Math.Abs(b - a)).Max();
        Assert.True(steps <= 20, $"largest step between samples {steps} (a hard cut would jump 4000)");
        Assert.Equal(5000, samples[^1]);
    }

    [Fact]
    public void A_burst_still_queued_plays_whole_before_the_real_time_stream_is_held()
    {
        buffer.SetStreamKind(StreamKind.Burst);
        PushAtOnce(40, 7);
        buffer.SetStreamKind(StreamKind.RealTime);
        PushAtOnce(30, Loud);

        var values = new List<int>();
        for (var i = 0; i < 70; i++)
        {
            buffer.Read(frame);
            values.Add(frame[0]);
        }

        Assert.Equal(40, values.Count(v => v == 700));
        Assert.True(values.Count(v => v == Loud * 100) < 25, "the real-time part was held near the target");
    }

    [Fact]
    public void Holding_the_target_allocates_nothing()
    {
        buffer.SetStreamKind(StreamKind.RealTime);
        PushAtOnce(50, Loud);
        Play(200);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Play(200);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(buffer.Stats().TrimmedMilliseconds > 1000);

        void Play(int frames)
        {
            for (var i = 0; i < frames; i++)
            {
                PushOnTime(i % 4 == 0 ? Quiet : Loud);
                if (i % 20 == 0)
                {
                    PushAtOnce(8, Loud);
                }

                buffer.Read(frame);
            }
        }
    }

    private void PushAtOnce(int count, byte value)
    {
        for (var i = 0; i < count; i++)
        {
            buffer.Push(sequence++, packets[value]);
        }
    }

    private void PushOnTime(byte value)
    {
        time.Advance(TimeSpan.FromMilliseconds(20));
        buffer.Push(sequence++, packets[value]);
    }

    private int ReadValue()
    {
        buffer.Read(frame);
        Assert.All(frame, s => Assert.Equal(frame[0], s));
        return frame[0];
    }
}
