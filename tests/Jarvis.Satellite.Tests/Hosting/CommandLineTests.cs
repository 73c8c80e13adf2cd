using Jarvis.Satellite.Hosting;
using Jarvis.Satellite.Tests.Support;

namespace Jarvis.Satellite.Tests.Hosting;

/// <summary>The real program's command line: help, check-config, and configuration files it cannot use (EX_CONFIG, one line).</summary>
public sealed class CommandLineTests : IDisposable
{
    private const string ValidJson = """
        { "Satellite": { "Link": { "ServerUrl": "ws://jarvis.local:8080/link/v1", "SatelliteId": "kitchen-pi", "Room": "kitchen",
          "Token": "0f3c9a7e21b84d6f95e0c2a1b7d4e8f3a6c9b2e5d8f1a4c7" } } }
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("jarvis-satellite-cli-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_lists_the_verbs_and_main_settings_and_exits_0(string option)
    {
        var (code, output) = await SatelliteProcess.RunToExitAsync([option]);

        Assert.Equal(0, code);
        foreach (var expected in new[] { "check-config", "devices", "test-leds", "--config FILE", "Satellite:Link:ServerUrl", "Satellite:Link:Token", "Satellite:Button:Pin" })
        {
            Assert.Contains(expected, output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_json_is_one_line_with_the_file_and_line_and_exit_code_78()
    {
        var config = Write("""
            { "Satellite": {
                "Link": { "Room": "kitchen" "Token": "x" } } }
            """);

        var (code, output) = await SatelliteProcess.RunToExitAsync(["--config", config]);

        Assert.Equal(SatelliteCommandLine.ExConfig, code);
        Assert.Equal($"Invalid configuration: {config} line 2, column 33: not valid JSON: '\"' is invalid after a value. Expected either ',', '}}', or ']'.", output.Trim());
    }

    [Fact]
    public async Task A_missing_configuration_file_is_named_as_missing()
    {
        var missing = Path.Combine(directory, "nowhere.json");

        var (code, output) = await SatelliteProcess.RunToExitAsync([], new Dictionary<string, string> { ["JARVIS_SATELLITE_CONFIG"] = missing });

        Assert.Equal(SatelliteCommandLine.ExConfig, code);
        Assert.Contains($"No configuration file at {missing}", output, StringComparison.Ordinal);
        Assert.Contains("Satellite:Link:Room", output, StringComparison.Ordinal); // the token is generated and kept by the satellite itself now
    }

    [Fact]
    public async Task Check_config_accepts_a_valid_file_and_lists_the_problems_of_a_bad_one_without_a_stack_trace()
    {
        var valid = Write(ValidJson);
        var (validCode, validOutput) = await SatelliteProcess.RunToExitAsync(["check-config", "--config", valid]);
        var bad = Write("""{ "Satellite": { "Link": { "ServerUrl": "http://x", "Room": "Living Room" }, "Button": { "Pin": "GPIO17" } } }""");
        var (badCode, badOutput) = await SatelliteProcess.RunToExitAsync(["check-config", "--config", bad]);

        Assert.Equal(0, validCode);
        Assert.Contains($"The configuration is valid ({valid})", validOutput, StringComparison.Ordinal);
        Assert.Equal(SatelliteCommandLine.ExConfig, badCode);
        Assert.Contains("Invalid configuration", badOutput, StringComparison.Ordinal);
        Assert.Contains("GPIO17", badOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", badOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error_not_a_start()
    {
        var (code, output) = await SatelliteProcess.RunToExitAsync(["stat"]);

        Assert.Equal(64, code);
        Assert.Contains("unknown command 'stat'", output, StringComparison.Ordinal);
    }

    private string Write(string json)
    {
        var path = Path.Combine(directory, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
