using System.Device.Spi;
using Jarvis.Satellite.Leds;
using Jarvis.Satellite.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using LedState = Jarvis.Protocol.Link.Messages.LedState;

namespace Jarvis.Satellite.Tests.Leds;

public sealed class LedFrameTests
{
    private readonly FakeTimeProvider time = new();
    private readonly RecordingSpiDevice spi = new(new SpiConnectionSettings(0, 1));

    public static TheoryData<LedState, byte[]> SteadyStates => new()
    {
        { LedState.Idle, [0xE0, 0, 0, 0] },
        { LedState.Listening, [0xF0, 255, 80, 0] },
        { LedState.Speaking, [0xF0, 120, 200, 0] },
        { LedState.Muted, [0xF0, 0, 0, 255] },
        { LedState.Error, [0xF0, 0, 60, 255] },
    };

    [Theory]
    [MemberData(nameof(SteadyStates))]
    public void Each_state_sends_its_exact_APA102_frame(LedState state, byte[] led)
    {
        var animator = Animator();
        animator.SetState(state == LedState.Idle ? LedState.Muted : LedState.Idle);
        Settle(animator);
        animator.SetState(state);
        Settle(animator);

        Assert.Equal(Frame(led, led, led), spi.LastWrite);
    }

    [Fact]
    public void Transition_blends_from_the_previous_colour()
    {
        var animator = Animator();
        animator.SetState(LedState.Muted);
        Settle(animator);
        animator.SetState(LedState.Listening);

        time.Advance(TimeSpan.FromMilliseconds(125));
        animator.Tick();

        byte[] half = [0xF0, 128, 40, 128];
        Assert.Equal(Frame(half, half, half), spi.LastWrite);
    }

    [Fact]
    public void Disconnected_is_a_dim_pulse()
    {
        var animator = Animator();
        animator.SetState(LedState.Disconnected);
        time.Advance(TimeSpan.FromMilliseconds(2000));
        animator.Tick();
        var atPeak = spi.LastWrite[4];
        time.Advance(TimeSpan.FromMilliseconds(1000));
        animator.Tick();
        var atTrough = spi.LastWrite[4];

        Assert.Equal(0xE2, atPeak);
        Assert.Equal(0xE1, atTrough);
        Assert.Equal([0xE1, 255, 255, 255], spi.LastWrite[4..8]);
        Assert.True(animator.NeedsTicks);
    }

    [Fact]
    public void A_steady_state_is_written_once()
    {
        var animator = Animator();
        animator.SetState(LedState.Muted);
        Settle(animator);
        var writes = spi.Writes.Count;

        time.Advance(TimeSpan.FromSeconds(5));
        animator.Tick();

        Assert.Equal(writes, spi.Writes.Count);
        Assert.False(animator.NeedsTicks);
    }

    [Theory]
    [InlineData(false, false, false, LedState.Listening, LedState.Error)]
    [InlineData(true, false, true, LedState.Listening, LedState.Disconnected)]
    [InlineData(true, true, true, LedState.Listening, LedState.Muted)]
    [InlineData(true, true, false, LedState.Speaking, LedState.Speaking)]
    public void Error_then_disconnected_then_muted_win_over_the_conversation(
        bool noError, bool connected, bool muted, LedState conversation, LedState expected) =>
        Assert.Equal(expected, LedStateSelector.Select(!noError, connected, muted, conversation));

    private LedAnimator Animator() =>
        new(new Apa102LedStrip(spi, 3), time, TimeSpan.FromMilliseconds(250), maxBrightness: 16);

    private void Settle(LedAnimator animator)
    {
        animator.Tick();
        time.Advance(TimeSpan.FromMilliseconds(300));
        animator.Tick();
    }

    private static byte[] Frame(params byte[][] leds) =>
        [0, 0, 0, 0, .. leds.SelectMany(l => l), 0xFF, 0xFF, 0xFF, 0xFF];
}
