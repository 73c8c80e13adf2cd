using Jarvis.Protocol.Link.Messages;
using Jarvis.Satellite.Button;
using Jarvis.Satellite.Hosting;
using Jarvis.Satellite.Leds;
using Jarvis.Satellite.Tests.Support;
using Jarvis.Satellite.Uplink;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using LedState = Jarvis.Protocol.Link.Messages.LedState;

namespace Jarvis.Satellite.Tests.Button;

/// <summary>The privacy mute: the button's mute wins over the network, and the mute state fails closed.</summary>
public sealed class MuteControllerTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("jarvis-mute-").FullName;
    private readonly SatelliteStatus status = new(new LedController());
    private readonly RecordingLogger log = new();

    private string StatePath => Path.Combine(directory, "muted");

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void A_button_mute_is_lifted_only_by_the_button()
    {
        var mute = Controller();
        mute.Restore();

        Assert.True(mute.Set(true, MuteSource.Button));
        Assert.False(mute.Set(false, MuteSource.Server));
        Assert.True(status.Muted);
        Assert.Contains(log.Lines, l => l.Contains("only the button unmutes it", StringComparison.Ordinal));
        Assert.Equal(new MuteMessage(true, MuteSource.Button), mute.Report());
        Assert.True(mute.Set(false, MuteSource.Button));
        Assert.False(status.Muted);
    }

    [Fact]
    public void A_remote_mute_always_works_and_is_lifted_remotely()
    {
        var mute = Controller();
        mute.Restore();

        Assert.True(mute.Set(true, MuteSource.Server));
        Assert.Equal(new MuteMessage(true, MuteSource.Server), mute.Report());
        Assert.True(mute.Set(false, MuteSource.Server));
        Assert.False(status.Muted);
    }

    [Fact]
    public void A_setting_lets_the_server_lift_a_button_mute()
    {
        var mute = Controller(allowRemoteUnmute: true);
        mute.Restore();
        mute.Set(true, MuteSource.Button);

        Assert.True(mute.Set(false, MuteSource.Server));
        Assert.False(status.Muted);
    }

    [Fact]
    public void A_button_mute_survives_a_restart_as_a_button_mute()
    {
        Controller().Set(true, MuteSource.Button);

        var restarted = Controller();
        restarted.Restore();

        Assert.True(status.Muted);
        Assert.False(restarted.Set(false, MuteSource.Server));
    }

    [Fact]
    public void An_unreadable_state_file_starts_muted_with_the_error_led_and_names_the_path()
    {
        File.WriteAllText(StatePath, "\u0000garbage");
        var mute = Controller();

        mute.Restore();

        Assert.True(status.Muted);
        Assert.Equal(LedState.Error, status.LedState);
        Assert.Contains(log.Lines, l => l.Contains(StatePath, StringComparison.Ordinal) && l.Contains("starting muted", StringComparison.OrdinalIgnoreCase));
        Assert.False(mute.Set(false, MuteSource.Server));
    }

    [Fact]
    public void An_unwritable_state_directory_starts_muted_with_the_error_led_even_when_the_file_says_unmuted()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            // root writes anyway: make the path unwritable by putting a file where the directory should be.
            var blocked = new MuteController(status, new MuteStateStore(Path.Combine(directory, "file-not-dir", "muted"), log.For<MuteStateStore>()),
                new SatelliteEvents(), new MonotonicClock(new FakeTimeProvider()), Options.Create(new ButtonOptions()), log.For<MuteController>());
            File.WriteAllText(Path.Combine(directory, "file-not-dir"), "");
            blocked.Restore();
        }
        else
        {
            File.WriteAllText(StatePath, "unmuted\n");
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            Controller().Restore();
        }

        Assert.True(status.Muted);
        Assert.Equal(LedState.Error, status.LedState);
        Assert.Contains(log.Lines, l => l.Contains("cannot be read or written", StringComparison.Ordinal));
    }

    private MuteController Controller(bool allowRemoteUnmute = false) => new(
        status, new MuteStateStore(StatePath, log.For<MuteStateStore>()), new SatelliteEvents(), new MonotonicClock(new FakeTimeProvider()),
        Options.Create(new ButtonOptions { AllowRemoteUnmute = allowRemoteUnmute }), log.For<MuteController>());
}
