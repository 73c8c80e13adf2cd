using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Jarvis.Satellite.Tests.Support;

/// <summary>
/// The real <c>jarvis-satellite</c> program as a child process: the JIT build beside the tests (<c>dotnet
/// jarvis-satellite.dll</c>) or the program named by <c>JARVIS_SATELLITE_EXE</c> (e.g. a Native AOT publish). Its
/// console log is collected line by line; <see cref="StopAsync"/> sends SIGTERM as systemd does.
/// </summary>
public sealed partial class SatelliteProcess : IAsyncDisposable
{
    public const string ExecutableVariable = "JARVIS_SATELLITE_EXE";
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly long started;

    private SatelliteProcess(Process process, long started)
    {
        this.process = process;
        this.started = started;
    }

    /// <summary>The program under test: <c>JARVIS_SATELLITE_EXE</c>, else the JIT build.</summary>
    public static string Program =>
        Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } exe ? exe : JitProgram;

    /// <summary>The JIT build in Jarvis.Satellite's own output (same configuration as this assembly): its deps and
    /// runtimeconfig are the program's, not those of the test project, which runs on the ASP.NET Core framework.</summary>
    public static string JitProgram
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = output.Parent?.Name ?? "Debug";
            for (var dir = output; dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Jarvis.Satellite", "Jarvis.Satellite.csproj")))
                {
                    return Path.Combine(dir.FullName, "Jarvis.Satellite", "bin", configuration, output.Name, "jarvis-satellite.dll");
                }
            }

            throw new InvalidOperationException($"Jarvis.Satellite not found above {output}: set {ExecutableVariable}");
        }
    }

    public int Id => process.Id;

    public IReadOnlyCollection<string> Lines => lines;

    public bool HasExited => process.HasExited;

    /// <summary>When the first line containing "Listening:" was read, counted from the start.</summary>
    public TimeSpan? ListeningAfter { get; private set; }

    public static SatelliteProcess Start(string program, string alsaConfigPath, IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(program);
        var dll = program.EndsWith(".dll", StringComparison.Ordinal);
        var info = new ProcessStartInfo(dll ? "dotnet" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (dll)
        {
            info.ArgumentList.Add(program);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ALSA_CONFIG_PATH"] = alsaConfigPath;
        info.Environment["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0";
        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        var result = new SatelliteProcess(process, startedAt);
        process.OutputDataReceived += (_, e) => result.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => result.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return result;
    }

    /// <summary>Runs a command of the program to its end (no sound devices involved): exit code and every line printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(Program.EndsWith(".dll", StringComparison.Ordinal) ? "dotnet" : Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Program.EndsWith(".dll", StringComparison.Ordinal))
        {
            info.ArgumentList.Add(Program);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("JARVIS_SATELLITE_CONFIG");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{Program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, (await output) + (await error));
    }

    /// <summary>Sends SIGTERM and waits for the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!process.HasExited && kill(process.Id, 15) != 0)
        {
            throw new InvalidOperationException($"kill({process.Id}, SIGTERM) failed");
        }

        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (ListeningAfter is null && line.Contains("Listening:", StringComparison.Ordinal))
        {
            ListeningAfter = Stopwatch.GetElapsedTime(started);
        }

        lines.Enqueue(line);
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
