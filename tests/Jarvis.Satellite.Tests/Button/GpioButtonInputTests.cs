using System.Device.Gpio;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Satellite.Button;
using Jarvis.Satellite.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jarvis.Satellite.Tests.Button;

public sealed class GpioButtonInputTests
{
    [Fact]
    public void An_active_low_pin_going_low_then_high_is_a_short_press()
    {
        var driver = new FakeGpioDriver();
        using var controller = new GpioController(driver);
        var time = new FakeTimeProvider();
        using var logic = new ButtonLogic(time, TimeSpan.FromMilliseconds(30), TimeSpan.FromSeconds(1));
        using var input = new GpioButtonInput(controller, 17, activeLow: true, logic);

        Assert.Equal(PinMode.InputPullUp, driver.Modes[17]);
        driver.SetInput(17, PinValue.Low);
        time.Advance(TimeSpan.FromMilliseconds(100));
        driver.SetInput(17, PinValue.High);
        time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.True(logic.Gestures.TryRead(out var gesture));
        Assert.Equal(ButtonGesture.ShortPress, gesture);
    }

    [Fact]
    public void Mute_state_survives_a_restart()
    {
        var dir = Directory.CreateTempSubdirectory("jarvis-mute-").FullName;
        try
        {
            var path = Path.Combine(dir, "state", "muted");
            new MuteStateStore(path, NullLogger<MuteStateStore>.Instance).Save(new MuteState(true, MuteSource.Button));

            Assert.Equal(new MuteState(true, MuteSource.Button), new MuteStateStore(path, NullLogger<MuteStateStore>.Instance).Load());
            new MuteStateStore(path, NullLogger<MuteStateStore>.Instance).Save(MuteState.Unmuted);
            Assert.Equal(MuteState.Unmuted, new MuteStateStore(path, NullLogger<MuteStateStore>.Instance).Load());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void An_unwritable_mute_file_is_reported_not_thrown()
    {
        var store = new MuteStateStore("/proc/jarvis-cannot-write/muted", NullLogger<MuteStateStore>.Instance);

        Assert.False(store.Save(new MuteState(true, MuteSource.Button)));
    }
}
