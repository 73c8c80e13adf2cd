using System.Net;
using System.Net.Sockets;
using Jarvis.Server.Tests.Hub;

namespace Jarvis.Server.Tests.Hosting;

/// <summary>
/// The configuration mistakes of issue 13, made the way a user makes them (a jarvis.json in the directory the server is
/// run from), against the real program: each is listed once, without a stack trace, and the exit code is 2.
/// </summary>
public sealed class ConfigurationMistakesTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("jarvis-config-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Broken_json_names_the_file_and_the_line()
    {
        var file = Write("""
            {
              "Mqtt": {
                "Port": 1883,
              }
              "Rooms": {}
            }
            """);

        var (code, output) = await ServerProcess.RunAsync(directory, "check-config");

        Assert.Equal(2, code);
        Assert.Contains($"{file} line 5, column 3: not valid JSON", output, StringComparison.Ordinal);
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task Unknown_sections_and_keys_say_did_you_mean()
    {
        Write("""{ "Satelites": { "Devices": {} }, "Mqtt": { "Prot": 1884 }, "Speech": { "Ttts": {} } }""");

        var (code, output) = await ServerProcess.RunAsync(directory, "check-config");

        Assert.Equal(2, code);
        Assert.Contains("Unknown section Satelites in", output, StringComparison.Ordinal);
        Assert.Contains("did you mean Satellites?", output, StringComparison.Ordinal);
        Assert.Contains("Unknown key Mqtt:Prot: did you mean Mqtt:Port?", output, StringComparison.Ordinal);
        Assert.Contains("Unknown key Speech:Ttts: did you mean Speech:Tts?", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ollama_url_without_a_scheme_stops_the_server_at_start_not_later_with_exit_code_0()
    {
        Write("""{ "Ollama": { "Url": "localhost:11434" } }""");

        var (code, output) = await ServerProcess.RunAsync(directory, TestState.Arguments($"--Mqtt:Port={FreePort.Next()}", "--urls", "http://127.0.0.1:0"));

        Assert.Equal(2, code);
        Assert.Contains("Ollama:Url is \"localhost:11434\", not a URL it can use: it must start with http:// or https:// (did you mean \"http://localhost:11434\"?)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Embedded MQTT broker listening", output, StringComparison.Ordinal);
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task Enums_list_their_values_durations_say_the_format_and_all_problems_come_once_together()
    {
        Write("""
            {
              "Rooms": { "WakeMode": "Wake" },
              "Conversation": { "MaxUtterance": "20s", "Mode": "Fast" },
              "Speech": { "Asr": { "Uri": "127.0.0.1:10300" } },
              "Routing": { "ComplexityThreshold": "0,7" },
              "Satellites": { "Devices": { "kitchen-pi": { "Room": "kitchen", "Token": "short" } } }
            }
            """);

        var (code, output) = await ServerProcess.RunAsync(directory, "check-config");

        Assert.Equal(2, code);
        string[] expected =
        [
            "Rooms:WakeMode is \"Wake\": use one of WakeWord, Vad, Button.",
            "Conversation:Mode is \"Fast\": use one of",
            "Conversation:MaxUtterance is \"20s\", not a duration: write hours:minutes:seconds, \"00:00:20\" for 20s.",
            "Speech:Asr:Uri is \"127.0.0.1:10300\", not a URL it can use: it must start with tcp://",
            "Routing:ComplexityThreshold is \"0,7\": use a number such as 0.7",
            "Satellites:Devices:kitchen-pi:Token is refused",
        ];
        foreach (var problem in expected)
        {
            Assert.Single(output.Split(Environment.NewLine), line => line.Contains(problem, StringComparison.Ordinal));
        }

        Assert.DoesNotContain("Failed to convert", output, StringComparison.Ordinal);
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task A_busy_http_port_names_the_setting_to_change()
    {
        Write("""{ }""");
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var (code, output) = await ServerProcess.RunAsync(directory, TestState.Arguments($"--Mqtt:Port={FreePort.Next()}", "--urls", $"http://127.0.0.1:{port}"));

        Assert.Equal(2, code);
        Assert.Contains($"The HTTP address http://127.0.0.1:{port} is already in use by another program", output, StringComparison.Ordinal);
        Assert.Contains("--urls http://0.0.0.0:8081", output, StringComparison.Ordinal);
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task A_missing_file_given_with_config_is_named_and_points_to_a_document_that_exists()
    {
        var missing = Path.Combine(directory, "nowhere.json");

        var (code, output) = await ServerProcess.RunAsync(directory, "--config", missing);

        Assert.Equal(2, code);
        Assert.Contains($"--config names {missing}, which does not exist", output, StringComparison.Ordinal);
        Assert.Contains("docs/configuration.md", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(ServerProcess.Repository, "docs", "configuration.md")), "docs/configuration.md exists");
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task Check_config_says_which_file_it_checked_or_that_the_defaults_apply()
    {
        var (noFileCode, noFile) = await ServerProcess.RunAsync(directory, "check-config");
        var file = Write("""{ "Mqtt": { "Port": 1884 }, "Logging": { "LogLevel": { "My.Category": "Debug" } }, "Urls": "http://0.0.0.0:8080" }""");
        var (code, output) = await ServerProcess.RunAsync(directory, "check-config");

        Assert.Equal(0, noFileCode);
        Assert.Contains("The configuration is valid: no configuration file: defaults", noFile, StringComparison.Ordinal);
        Assert.Equal(0, code);
        Assert.Contains($"The configuration is valid: configuration file {file} (working directory)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_logs_the_configuration_file_it_uses()
    {
        var file = Write("""{ "Ollama": { "WarmUpOnStart": false } }""");
        await using var server = ServerProcess.Start(directory, TestState.Arguments($"--Mqtt:Port={FreePort.Next()}", "--urls", "http://127.0.0.1:0"));

        await Eventually.TrueAsync(
            () => server.Output.Contains($"Configuration file: {file} (working directory)", StringComparison.Ordinal) || server.HasExited,
            "the server logged its configuration file",
            ServerProcess.Deadline);

        Assert.False(server.HasExited, server.Output);
    }

    private string Write(string json)
    {
        var path = Path.Combine(directory, "jarvis.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static void AssertNoStackTrace(string output) =>
        Assert.DoesNotContain(output.Split(Environment.NewLine), line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
}
