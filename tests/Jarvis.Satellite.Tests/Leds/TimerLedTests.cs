using Jarvis.Satellite.Hosting;
using Jarvis.Satellite.Leds;
using LedState = Jarvis.Protocol.Link.Messages.LedState;

namespace Jarvis.Satellite.Tests.Leds;

public sealed class TimerLedTests
{
    [Fact]
    public void A_muted_room_still_shows_a_ringing_timer()
    {
        Assert.Equal(LedState.Timer, LedStateSelector.Select(error: false, connected: true, muted: true, LedState.Timer));
        Assert.Equal(LedState.Muted, LedStateSelector.Select(error: false, connected: true, muted: true, LedState.Countdown));
    }

    [Fact]
    public void A_ringing_timer_pulses_amber_and_a_countdown_is_dim_and_steady()
    {
        var bright = LedScene.ColorOf(LedState.Timer, TimeSpan.Zero, 31);
        var low = LedScene.ColorOf(LedState.Timer, LedScene.PulsePeriod / 2, 31);
        var countdown = LedScene.ColorOf(LedState.Countdown, TimeSpan.FromSeconds(0.7), 31);

        Assert.Equal(new LedColor(255, 140, 0, 31), bright);
        Assert.True(low.Brightness < bright.Brightness);
        Assert.True(LedScene.IsAnimated(LedState.Timer));
        Assert.False(LedScene.IsAnimated(LedState.Countdown));
        Assert.True(countdown.Brightness < bright.Brightness);
    }

    [Fact]
    public void Status_reports_ringing_only_while_the_server_shows_the_timer_state()
    {
        var status = new SatelliteStatus(new LedController());
        status.SetConnected(true);
        status.SetMuted(true);
        status.SetServerLed(LedState.Timer);

        Assert.True(status.Ringing);
        Assert.Equal(LedState.Timer, status.LedState);

        status.SetServerLed(LedState.Idle);
        Assert.False(status.Ringing);
        Assert.Equal(LedState.Muted, status.LedState);
    }
}
