using Jarvis.Satellite.Aec.WebRtc;
using Jarvis.Satellite.Tests.Aec.Benchmark;

namespace Jarvis.Satellite.Tests.Aec.WebRtc;

public sealed class ReferenceAlignmentTests
{
    [Theory]
    [InlineData(20, 0)]
    [InlineData(120, 104)]
    [InlineData(300, 284)]
    public void The_reference_is_moved_so_that_the_echo_lands_at_the_head_of_the_filter(int delayMs, int expectedShift)
    {
        var s = EchoCases.Linear(delayMs);
        var alignment = new ReferenceAlignment(16000);
        var aligned = new short[160];
        for (var offset = 0; offset + 160 <= EchoCase.At(4); offset += 160)
        {
            alignment.Align(s.Far.AsSpan(offset, 160), s.Mic.AsSpan(offset, 160), aligned);
        }

        Assert.InRange(alignment.EchoDelayMilliseconds, delayMs - 5, delayMs + 15);
        Assert.InRange(alignment.ShiftMilliseconds, expectedShift - 5, expectedShift + 15);
    }

    [Fact]
    public void The_shifted_reference_is_the_played_signal_delayed_by_the_shift()
    {
        var s = EchoCases.Linear(300);
        var alignment = new ReferenceAlignment(16000);
        var aligned = new short[s.Far.Length];
        for (var offset = 0; offset + 160 <= EchoCase.At(6); offset += 160)
        {
            alignment.Align(s.Far.AsSpan(offset, 160), s.Mic.AsSpan(offset, 160), aligned.AsSpan(offset, 160));
        }

        var shift = alignment.ShiftMilliseconds * 16;
        Assert.Equal(s.Far.AsSpan(EchoCase.At(5) - shift, 1600).ToArray(), aligned.AsSpan(EchoCase.At(5), 1600).ToArray());
    }

    [Fact]
    public void Without_echo_the_reference_is_not_moved()
    {
        var s = EchoCases.Linear(120);
        var alignment = new ReferenceAlignment(16000);
        var aligned = new short[160];
        var silence = new short[160];
        for (var offset = 0; offset + 160 <= EchoCase.At(4); offset += 160)
        {
            alignment.Align(s.Far.AsSpan(offset, 160), silence, aligned);
        }

        Assert.Equal(-1, alignment.EchoDelayMilliseconds);
        Assert.Equal(0, alignment.ShiftMilliseconds);
    }
}
