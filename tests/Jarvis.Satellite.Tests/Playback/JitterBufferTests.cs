using Jarvis.Satellite.Playback;
using Microsoft.Extensions.Time.Testing;

namespace Jarvis.Satellite.Tests.Playback;

public sealed class JitterBufferTests
{
    private readonly FakeTimeProvider time = new();
    private readonly JitterBuffer buffer;
    private readonly short[] frame = new short[320];
    private uint? lastPushed;

    public JitterBufferTests() =>
        buffer = new JitterBuffer(new FakePacketDecoder(), time, new JitterBufferOptions());

    [Fact]
    public void Playback_waits_for_the_target_depth_then_plays_in_order()
    {
        Push(0, FakePacketDecoder.Packet(1));
        Assert.Equal(0, ReadValue());

        Push(1, FakePacketDecoder.Packet(2));
        Assert.Equal([100, 200], new[] { ReadValue(), ReadValue() });
    }

    [Fact]
    public void Packets_out_of_order_are_played_in_sequence()
    {
        foreach (var seq in new uint[] { 10, 12, 11, 13 })
        {
            Push(seq, FakePacketDecoder.Packet((byte)(seq - 9)));
        }

        Assert.Equal([100, 200, 300, 400], new[] { ReadValue(), ReadValue(), ReadValue(), ReadValue() });
        Assert.Equal(0, buffer.Stats().Lost);
    }

    [Fact]
    public void A_missing_packet_is_recovered_from_the_next_packets_FEC()
    {
        Push(0, FakePacketDecoder.Packet(1));
        Push(2, FakePacketDecoder.Packet(3));
        Push(3, FakePacketDecoder.Packet(4));

        var values = new[] { ReadValue(), ReadValue(), ReadValue(), ReadValue() };

        Assert.Equal([100, FakePacketDecoder.FromFec, 300, 400], values);
        Assert.Equal((1, 1), (buffer.Stats().Lost, buffer.Stats().Recovered));
    }

    [Fact]
    public void A_gap_without_FEC_is_concealed_with_PLC()
    {
        Push(0, FakePacketDecoder.Packet(1));
        Push(3, FakePacketDecoder.Packet(4));

        var values = new[] { ReadValue(), ReadValue(), ReadValue(), ReadValue() };

        Assert.Equal([100, FakePacketDecoder.Concealed, FakePacketDecoder.FromFec, 400], values);
        Assert.Equal(2, buffer.Stats().Lost);
    }

    [Fact]
    public void A_packet_arriving_after_its_turn_is_dropped_as_late()
    {
        Push(0, FakePacketDecoder.Packet(1));
        Push(2, FakePacketDecoder.Packet(3));
        Push(3, FakePacketDecoder.Packet(4));
        ReadValue();
        ReadValue();

        Push(1, FakePacketDecoder.Packet(2));

        Assert.Equal(1, buffer.Stats().Late);
        Assert.Equal(300, ReadValue());
    }

    [Fact]
    public void Flush_silences_queued_audio_at_once()
    {
        for (uint i = 0; i < 10; i++)
        {
            Push(i, FakePacketDecoder.Packet(5));
        }

        ReadValue();
        buffer.Flush();

        Assert.Equal(0, ReadValue());
        Assert.Equal(0, buffer.Stats().DepthMilliseconds);
    }

    [Fact]
    public void An_80_ms_PersonaPlex_packet_plays_as_four_frames()
    {
        Push(7, FakePacketDecoder.Packet(3, 80));

        Assert.Equal([300, 300, 300, 300], new[] { ReadValue(), ReadValue(), ReadValue(), ReadValue() });
    }

    [Fact]
    public void Running_dry_conceals_a_few_frames_then_goes_silent_and_counts_an_underrun()
    {
        Push(0, FakePacketDecoder.Packet(1));
        Push(1, FakePacketDecoder.Packet(1));
        ReadValue();
        ReadValue();

        var values = Enumerable.Range(0, 5).Select(_ => ReadValue()).ToArray();

        Assert.Equal([1, 1, 1, 0, 0], values);
        Assert.Equal(1, buffer.Stats().Underruns);
    }

    [Fact]
    public void Target_grows_on_jitter_and_shrinks_when_the_network_is_stable()
    {
        uint seq = 0;
        for (var i = 0; i < 100; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(i % 2 == 0 ? 0 : 40));
            buffer.Push(seq++, FakePacketDecoder.Packet(1));
            buffer.Read(frame);
        }

        var jittery = buffer.Stats().TargetMilliseconds;
        for (var i = 0; i < 200; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(20));
            buffer.Push(seq++, FakePacketDecoder.Packet(1));
            buffer.Read(frame);
        }

        var stable = buffer.Stats().TargetMilliseconds;
        Assert.True(jittery > 60, $"target on jitter {jittery:0} ms");
        Assert.InRange(stable, 40, 45);
    }

    [Fact]
    public void A_stall_and_its_catch_up_are_not_jitter_but_jitter_after_them_is()
    {
        uint seq = 0;
        for (var i = 0; i < 100; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(20));
            buffer.Push(seq++, FakePacketDecoder.Packet(1));
            buffer.Read(frame);
        }

        // The path stalls for a second, then the second's 50 packets arrive at once (the real-time rig's case).
        time.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 50; i++)
        {
            buffer.Push(seq++, FakePacketDecoder.Packet(1));
        }

        Assert.True(buffer.Stats().JitterMilliseconds < 1, $"jitter after a stall's catch-up {buffer.Stats().JitterMilliseconds:0.0} ms");

        // Back to real time, then a jittery path: counted as before.
        for (var i = 0; i < 100; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(i % 2 == 0 ? 0 : 40));
            buffer.Push(seq++, FakePacketDecoder.Packet(1));
            buffer.Read(frame);
        }

        Assert.True(buffer.Stats().JitterMilliseconds > 15, $"jitter on a jittery path {buffer.Stats().JitterMilliseconds:0.0} ms");
    }

    [Fact]
    public void A_jittery_answer_after_a_pause_counts_from_its_second_packet()
    {
        uint seq = 0;
        time.Advance(TimeSpan.FromMilliseconds(20));
        buffer.Push(seq++, FakePacketDecoder.Packet(1));
        time.Advance(TimeSpan.FromSeconds(3)); // the pause between two answers
        for (var i = 0; i < 100; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(i % 2 == 0 ? 40 : 0));
            buffer.Push(seq++, FakePacketDecoder.Packet(1));
            buffer.Read(frame);
        }

        Assert.True(buffer.Stats().JitterMilliseconds > 15, $"jitter {buffer.Stats().JitterMilliseconds:0.0} ms");
    }

    [Fact]
    public void A_burst_ahead_of_real_time_is_played_whole_not_shortened()
    {
        for (uint seq = 0; seq < 200; seq++)
        {
            buffer.Push(seq, FakePacketDecoder.Packet((byte)(1 + (seq % 100))));
        }

        var values = Enumerable.Range(0, 200).Select(_ => ReadValue()).ToList();

        Assert.Equal(Enumerable.Range(0, 200).Select(i => (1 + (i % 100)) * 100), values);
    }

    [Fact]
    public void Packets_beyond_the_capacity_are_dropped_and_counted_as_overruns()
    {
        for (uint seq = 0; seq < JitterBuffer.Capacity + 44; seq++)
        {
            buffer.Push(seq, FakePacketDecoder.Packet(1));
        }

        Assert.Equal((JitterBuffer.Capacity, 44L), (buffer.Stats().Received, buffer.Stats().Overruns));
    }

    /// <summary>A packet arriving on time for a steady 20 ms stream (gaps take their time too).</summary>
    private void Push(uint sequence, byte[] packet)
    {
        var steps = lastPushed is { } last && sequence > last ? sequence - last : 1;
        time.Advance(TimeSpan.FromMilliseconds(20 * steps));
        lastPushed = sequence;
        buffer.Push(sequence, packet);
    }

    private int ReadValue()
    {
        buffer.Read(frame);
        Assert.All(frame, s => Assert.Equal(frame[0], s));
        return frame[0];
    }
}
