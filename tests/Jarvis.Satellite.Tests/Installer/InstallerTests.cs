using System.Diagnostics;
using System.Text.Json;
using Jarvis.Satellite.Tests.Support;

namespace Jarvis.Satellite.Tests.Installer;

/// <summary>
/// systemd/install.sh in a temporary root (<c>--root DIR</c>): it writes there, records the system commands it would run
/// (apt-get, useradd, systemctl) in DIR/commands.log instead of running them, and checks the configuration it wrote with
/// the real program's <c>check-config</c>.
/// </summary>
public sealed class InstallerTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("jarvis-install-").FullName;
    private readonly string publish;

    public InstallerTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        File.WriteAllText(Path.Combine(root, "etc", "group"), "audio:x:29:\n");
        publish = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(root)!, Path.GetFileName(root) + "-publish")).FullName;
        var program = SatelliteProcess.Program;
        var exec = program.EndsWith(".dll", StringComparison.Ordinal) ? $"dotnet '{program}'" : $"'{program}'";
        var wrapper = Path.Combine(publish, "jarvis-satellite");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec {exec} \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private string Config => Path.Combine(root, "etc", "jarvis", "satellite.json");

    private string Commands => File.Exists(Path.Combine(root, "commands.log")) ? File.ReadAllText(Path.Combine(root, "commands.log")) : "";

    public void Dispose()
    {
        Directory.Delete(root, recursive: true);
        Directory.Delete(publish, recursive: true);
    }

    [Fact]
    public async Task A_room_name_becomes_a_room_id_a_gpio_name_a_pin_and_the_checked_config_is_enabled()
    {
        var (code, output) = await InstallAsync("--room", "Living Room", "--button", "GPIO17", "--leds", "ReSpeaker2Mic");

        Assert.True(code == 0, output);
        Assert.Contains("Room 'Living Room' is written as the room id 'living_room'", output, StringComparison.Ordinal);
        Assert.Contains("The configuration is valid", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Config));
        var satellite = json.RootElement.GetProperty("Satellite");
        Assert.Equal("living_room", satellite.GetProperty("Link").GetProperty("Room").GetString());
        Assert.Equal(17, satellite.GetProperty("Button").GetProperty("Pin").GetInt32());
        Assert.Contains("systemctl enable jarvis-satellite.service", Commands, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quotes_in_a_room_name_never_make_invalid_json()
    {
        var (code, output) = await InstallAsync("--room", "kid\"s", "--id", "Kid's \\ Pi");

        Assert.True(code == 0, output);
        using var json = JsonDocument.Parse(File.ReadAllText(Config));
        var link = json.RootElement.GetProperty("Satellite").GetProperty("Link");
        Assert.Equal("kid_s", link.GetProperty("Room").GetString());
        Assert.Equal("kid_s_pi", link.GetProperty("SatelliteId").GetString());
    }

    [Theory]
    [InlineData("--room", "--room needs a value, e.g. --room kitchen")]
    [InlineData("--button abc", "--button takes the mute button's BCM GPIO number")]
    [InlineData("--button 40", "GPIO 0 to 27")]
    [InlineData("--server http://jarvis.local:8080", "--server must be the server's link URL")]
    [InlineData("--leds Neopixel", "--leds must be ReSpeaker2Mic, ReSpeaker4Mic, Gpio or None")]
    [InlineData("--room !!!", "has no letters or digits")]
    public async Task Bad_arguments_get_a_clear_message_and_install_nothing(string arguments, string message)
    {
        var (code, output) = await InstallAsync(arguments.Split(' '));

        Assert.NotEqual(0, code);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.DoesNotContain("unbound variable", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Config));
        Assert.Equal("", Commands);
    }

    [Fact]
    public async Task Groups_that_do_not_exist_are_skipped_in_the_unit_and_said()
    {
        var (code, output) = await InstallAsync("--room", "kitchen");

        Assert.True(code == 0, output);
        Assert.Contains("Skipping group(s) gpio spi", output, StringComparison.Ordinal);
        var dropIn = File.ReadAllLines(Path.Combine(root, "etc", "systemd", "system", "jarvis-satellite.service.d", "20-groups.conf"));
        Assert.Equal(["SupplementaryGroups=", "SupplementaryGroups=audio"], dropIn.Where(l => l.StartsWith("SupplementaryGroups", StringComparison.Ordinal)));
        Assert.Contains("usermod -a -G audio jarvis-satellite", Commands, StringComparison.Ordinal);
        Assert.DoesNotContain("-G gpio", Commands, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_config_the_satellite_rejects_is_reported_and_nothing_is_enabled()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Config)!);
        File.WriteAllText(Config, """{ "Satellite": { "Link": { "ServerUrl": "ws://jarvis.local:8080/link/v1", "Room": "Living Room" } } }""");

        var (code, output) = await InstallAsync("--room", "kitchen");

        Assert.NotEqual(0, code);
        Assert.Contains("Keeping the existing configuration", output, StringComparison.Ordinal);
        Assert.Contains("Satellite:Link:Room", output, StringComparison.Ordinal);
        Assert.Contains("is not valid (above); nothing was enabled", output, StringComparison.Ordinal);
        Assert.DoesNotContain("systemctl enable", Commands, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output)> InstallAsync(params string[] args)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Script);
        foreach (var arg in new[] { "--root", root, "--publish", publish }.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await output + await error);
    }

    private static string Script
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var script = Path.Combine(dir.FullName, "systemd", "install.sh");
                if (File.Exists(script))
                {
                    return script;
                }
            }

            throw new InvalidOperationException("systemd/install.sh not found above the test output");
        }
    }
}
