using Jarvis.Satellite.Aec;
using Jarvis.Satellite.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jarvis.Satellite.Tests.Hosting;

public sealed class ConfigurationTests
{
    [Fact]
    public async Task A_satellite_without_server_settings_fails_at_start_saying_what_to_set()
    {
        var dir = Directory.CreateTempSubdirectory("jarvis-cfg-").FullName;
        try
        {
            var config = Path.Combine(dir, "satellite.json");
            await File.WriteAllTextAsync(config, """{ "Satellite": { "Link": { "ServerUrl": "http://wrong" }, "Vad": { "Mode": 7 } } }""");
            var builder = SatelliteHost.CreateBuilder(["--config", config, $"--Satellite:StateDirectory={dir}"]);
            builder.Logging.ClearProviders();
            using var host = builder.Build();

            var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

            var all = string.Join("\n", e.Failures);
            Assert.Contains("Satellite:Link:ServerUrl must be a ws:// or wss:// URL", all, StringComparison.Ordinal);
            Assert.DoesNotContain("Satellite:Link:Token", all, StringComparison.Ordinal); // generated and kept in the state directory
            Assert.Equal(64, (await File.ReadAllTextAsync(Path.Combine(dir, "link-token"))).Trim().Length);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("Vad", "Mode", "7", "Satellite:Vad:Mode: The field VadOptions.Mode must be between 0 and 3.")]
    [InlineData("Aec", "ReferenceDelayMilliseconds", "900", "Satellite:Aec:ReferenceDelayMilliseconds: The field EchoCancellerOptions.ReferenceDelayMilliseconds must be between 0 and 500.")]
    [InlineData("Audio", "SampleRate", "44100", "Satellite:Audio:SampleRate: The AudioOptions.SampleRate field does not equal any of the values specified in AllowedValuesAttribute.")]
    [InlineData("Audio", "PlaybackPeriods", "1", "Satellite:Audio:PlaybackPeriods: The field AudioOptions.PlaybackPeriods must be between 2 and 16.")]
    public async Task Out_of_range_values_name_the_setting(string section, string key, string value, string expected)
    {
        var e = await StartWithAsync($$"""{ "Satellite": { "{{section}}": { "{{key}}": {{value}} } } }""", ValidLink);

        Assert.Equal([expected], e.Failures);
    }

    [Theory]
    [InlineData("""{ "Satellite": { "Aec": { "Engine": "Speexx" } } }""")]
    [InlineData("""{ "Satellite": { "Audio": { "Backend": "Jack" } } }""")]
    [InlineData("""{ "Satellite": { "Vad": { "Mode": "three" } } }""")]
    [InlineData("""{ "Satellite": { "Vad": { "Mode": 9 } } }""")]
    public async Task The_program_exits_with_EX_CONFIG_on_a_value_it_cannot_use(string json)
    {
        var dir = Directory.CreateTempSubdirectory("jarvis-cfg-").FullName;
        try
        {
            var config = Path.Combine(dir, "satellite.json");
            await File.WriteAllTextAsync(config, json);

            var code = await SatelliteCommandLine.RunAsync(["--config", config, .. ValidLink, $"--Satellite:StateDirectory={dir}"]);

            Assert.Equal(SatelliteCommandLine.ExConfig, code);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("Aec", "Speex")]
    [InlineData("Echo", "Speex")]
    [InlineData("Aec", "system")]
    public void The_echo_engine_is_read_from_the_aec_section_or_the_former_echo_section(string section, string engine)
    {
        var options = BuildWith($$"""{ "Satellite": { "{{section}}": { "Engine": "{{engine}}", "FilterMilliseconds": 300 } } }""")
            .Services.GetRequiredService<IOptions<EchoCancellerOptions>>().Value;

        Assert.Equal(Enum.Parse<EchoEngine>(engine, ignoreCase: true), options.Engine);
        Assert.Equal(300, options.FilterMilliseconds);
    }

    [Fact]
    public void Settings_are_bound_from_file_environment_and_command_line_alike()
    {
        var host = BuildWith("""{ "Satellite": { "Audio": { "InputDevice": "seeed", "Pace": true }, "Aec": { "Suppression": "Aggressive" } } }""",
            "--Satellite:Vad:StartScore=0.6", "--Satellite:Leds:Profile=Gpio", "--Satellite:Leds:GpioPins:0=5", "--Satellite:Button:Pin=17");

        Assert.Equal("seeed", host.Services.GetRequiredService<IOptions<Jarvis.Satellite.Audio.AudioOptions>>().Value.InputDevice);
        Assert.True(host.Services.GetRequiredService<IOptions<Jarvis.Satellite.Audio.AudioOptions>>().Value.Pace);
        Assert.Equal(EchoSuppression.Aggressive, host.Services.GetRequiredService<IOptions<EchoCancellerOptions>>().Value.Suppression);
        Assert.Equal(0.6, host.Services.GetRequiredService<IOptions<Jarvis.Satellite.Vad.VadOptions>>().Value.StartScore);
        Assert.Equal([5], host.Services.GetRequiredService<IOptions<Jarvis.Satellite.Leds.LedOptions>>().Value.GpioPins);
        Assert.Equal(17, host.Services.GetRequiredService<IOptions<Jarvis.Satellite.Button.ButtonOptions>>().Value.Pin);
    }

    [Theory]
    [InlineData(null, typeof(Jarvis.Satellite.Audio.Alsa.AlsaDeviceFactory))]
    [InlineData("alsa", typeof(Jarvis.Satellite.Audio.Alsa.AlsaDeviceFactory))]
    [InlineData("PortAudio", typeof(Jarvis.Satellite.Audio.PortAudio.PortAudioDeviceFactory))]
    public void The_audio_backend_is_alsa_on_linux_unless_portaudio_is_chosen(string? backend, Type expected)
    {
        var host = BuildWith("{}", backend is null ? [] : [$"--Satellite:Audio:Backend={backend}"]);

        Assert.IsType(expected, host.Services.GetRequiredService<Jarvis.Satellite.Audio.IAudioDeviceFactory>());
    }

    [Theory]
    [InlineData("30000000", 15.0)]
    [InlineData(null, null)]
    [InlineData("garbage", null)]
    public void The_watchdog_pings_at_half_of_WatchdogSec(string? usec, double? expectedSeconds) =>
        Assert.Equal(expectedSeconds, WatchdogService.Interval(usec)?.TotalSeconds);

    [Fact]
    public void The_config_file_can_be_given_on_the_command_line() =>
        Assert.Equal(Path.GetFullPath("x.json"), SatelliteHost.ConfigPath(["--config", "x.json"]));

    private static IHost BuildWith(string json, params string[] args)
    {
        var dir = Directory.CreateTempSubdirectory("jarvis-cfg-").FullName;
        var config = Path.Combine(dir, "satellite.json");
        File.WriteAllText(config, json);
        var builder = SatelliteHost.CreateBuilder(["--config", config, .. args]);
        builder.Logging.ClearProviders();
        var host = builder.Build();
        Directory.Delete(dir, recursive: true);
        return host;
    }

    private static readonly string[] ValidLink =
        ["--Satellite:Link:ServerUrl=ws://jarvis.local:8080/link/v1", "--Satellite:Link:Room=kitchen", "--Satellite:Link:SatelliteId=kitchen-sat", "--Satellite:Link:Token=t"];

    private static async Task<OptionsValidationException> StartWithAsync(string json, params string[] args)
    {
        using var host = BuildWith(json, args);
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }
}
