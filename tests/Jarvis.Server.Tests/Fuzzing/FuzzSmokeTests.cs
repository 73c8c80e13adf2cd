using System.Diagnostics;

namespace Jarvis.Server.Tests.Fuzzing;

/// <summary>
/// A short coverage-guided run of every fuzz target (tests/Jarvis.Fuzz/run.sh, SharpFuzz + afl-fuzz): fails on a crash or a
/// hang and shows the input (base64) with its exception. The long runs and their numbers are in docs/fuzzing.md.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class FuzzSmokeTests
{
    private const int Seconds = 10;

    public static TheoryData<string> Targets => new() { "link", "ogg", "wyoming", "mqtt", "personaplex", "realtime", "homeassistant", "config" };

    [AflFuzzTheory]
    [MemberData(nameof(Targets))]
    public async Task Target_survives_a_short_fuzz_run(string target)
    {
        var script = Path.Combine(RepositoryRoot(), "tests", "Jarvis.Fuzz", "run.sh");
        var work = Directory.CreateTempSubdirectory("jarvis-fuzz-").FullName;
        try
        {
            var start = new ProcessStartInfo("bash", [script, target, Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["FUZZ_WORK"] = work },
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            // Instrumenting, seeding and afl-fuzz's start on a loaded machine take a while on top of the run itself.
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            var report = $"{await output}{await errors}";

            Assert.True(process.ExitCode == 0, $"run.sh {target} {Seconds} exited with {process.ExitCode}:\n{report}");
            Assert.Contains($"{target}: ", report);
            Assert.Contains("crashes 0, hangs 0", report);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Jarvis.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Jarvis.sln not found above {AppContext.BaseDirectory}");
    }
}
