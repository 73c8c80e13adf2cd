using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Jarvis.Server.Tests.Enrolment;

/// <summary>
/// The real <c>jarvis-satellite</c> program (the JIT build in Jarvis.Satellite's output, as
/// tests/Jarvis.Satellite.Tests/Support/SatelliteProcess.cs runs it) as a child process; its console lines are collected,
/// <see cref="StopAsync"/> sends SIGTERM as systemd does.
/// </summary>
internal sealed partial class SatelliteProgram : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private SatelliteProgram(Process process) => _process = process;

    public IReadOnlyCollection<string> Lines => _lines;

    public bool HasExited => _process.HasExited;

    public static SatelliteProgram Start(string alsaConfigPath, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll());
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ALSA_CONFIG_PATH"] = alsaConfigPath;
        info.Environment["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0";
        var process = Process.Start(info) ?? throw new InvalidOperationException("jarvis-satellite did not start");
        var program = new SatelliteProgram(process);
        process.OutputDataReceived += (_, e) => program.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => program.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return program;
    }

    /// <summary>Sends SIGTERM and returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited && Kill(_process.Id, 15) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed");
        }

        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string Dll()
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

        throw new InvalidOperationException($"Jarvis.Satellite not found above {output}");
    }

    private void OnLine(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
