using System.Globalization;
using System.Text.RegularExpressions;
using Jarvis.PersonaPlex.Emulator;
using Jarvis.Server.PersonaPlex.Commands;
using Jarvis.Server.Tests.PersonaPlex.Support;

namespace Jarvis.Server.Tests.PersonaPlex;

public sealed partial class PersonaPlexCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("jarvis-talk-").FullName;

    [Fact]
    public async Task Talk_streams_a_wav_to_a_separate_emulator_process_and_writes_valid_audio_of_the_same_length()
    {
        await using var emulator = await EmulatorProcess.StartAsync("--prompt-steps", "10", "--text", "Hello from PersonaPlex");
        var input = Path.Combine(_directory, "in.wav");
        var output = Path.Combine(_directory, "out.wav");
        await Sox.RunAsync("sox", "-n", "-r", "16000", "-c", "1", "-b", "16", input, "synth", "2.0", "sine", "440", "vol", "0.5");

        var exit = await PersonaPlexCommand.RunAsync(
            ["talk", "--url", emulator.ChatUrl.ToString(), "--input", input, "--output", output, "--text-prompt", "Be brief.", "--voice", "NATM1.pt"],
            CancellationToken.None);

        Assert.Equal(0, exit);
        var seconds = double.Parse((await Sox.RunAsync("soxi", "-D", output)).Trim(), CultureInfo.InvariantCulture);
        Assert.Equal(2.0, seconds, 3); // 25 model steps of 80 ms
        Assert.Equal("24000", (await Sox.RunAsync("soxi", "-r", output)).Trim());
        var rms = double.Parse(RmsPattern().Match(await Sox.RunAsync("sox", output, "-n", "stat")).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(rms > 0.1, $"the emulator echoes the 440 Hz tone; RMS amplitude {rms}");
    }

    [Fact]
    public async Task Probe_says_ready_for_a_running_server_and_not_ready_once_it_is_gone()
    {
        var emulator = new PersonaPlexEmulator();
        await emulator.StartAsync();
        var url = emulator.ChatUrl.ToString();

        Assert.Equal(0, await PersonaPlexCommand.RunAsync(["probe", "--url", url], CancellationToken.None));
        await emulator.DisposeAsync();
        Assert.Equal(1, await PersonaPlexCommand.RunAsync(["probe", "--url", url], CancellationToken.None));
        Assert.Empty(emulator.Sessions); // probing never takes the session slot
    }

    [Theory]
    [InlineData("talk", "--url", "http://localhost:8998/api/chat", "--input", "a.wav", "--output", "b.wav")]
    [InlineData("talk", "--url", "ws://localhost:8998/api/chat")]
    [InlineData("listen", "--url", "ws://localhost:8998/api/chat")]
    [InlineData("probe")]
    public async Task Bad_command_lines_get_usage_and_exit_code_2(params string[] args)
    {
        Assert.Equal(2, await PersonaPlexCommand.RunAsync(args, CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [GeneratedRegex(@"RMS\s+amplitude:\s+([0-9.]+)")]
    private static partial Regex RmsPattern();
}
