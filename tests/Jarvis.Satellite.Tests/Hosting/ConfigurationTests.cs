using Jarvis.Satellite.Hosting;
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
            var builder = SatelliteHost.CreateBuilder(["--config", config]);
            builder.Logging.ClearProviders();
            using var host = builder.Build();

            var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

            var all = string.Join("\n", e.Failures);
            Assert.Contains("Satellite:Link:ServerUrl must be a ws:// or wss:// URL", all, StringComparison.Ordinal);
            Assert.Contains("Satellite:Link:Token must be set", all, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Out_of_range_values_name_the_setting()
    {
        var result = new DataAnnotationsValidator<Jarvis.Satellite.Vad.VadOptions>("Satellite:Vad")
            .Validate(null, new Jarvis.Satellite.Vad.VadOptions { Mode = 7 });

        Assert.True(result.Failed);
        Assert.Contains("Satellite:Vad:Mode", result.FailureMessage, StringComparison.Ordinal);
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
}
