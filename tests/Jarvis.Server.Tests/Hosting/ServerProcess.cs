using System.Collections.Concurrent;
using System.Diagnostics;

namespace Jarvis.Server.Tests.Hosting;

/// <summary>
/// The real server program (<c>dotnet Jarvis.Server.dll</c> from its own build output) as a child process, started in a
/// directory of its own with a private HOME, so that no configuration of this machine is found by accident.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>Process starts are slow on a loaded machine.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    private ServerProcess(Process process) => this.process = process;

    public string Output => string.Join(Environment.NewLine, lines);

    public bool HasExited => process.HasExited;

    /// <summary>Jarvis.Server's build output beside this test assembly's (same configuration and framework).</summary>
    public static string Program
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = output.Parent?.Name ?? "Debug";
            for (var dir = output; dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Jarvis.Server", "Jarvis.Server.csproj")))
                {
                    return Path.Combine(dir.FullName, "Jarvis.Server", "bin", configuration, output.Name, "Jarvis.Server.dll");
                }
            }

            throw new InvalidOperationException($"Jarvis.Server not found above {output}");
        }
    }

    /// <summary>The repository root (for docs/).</summary>
    public static string Repository => Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Program)!)!)!)!)!;

    public static ServerProcess Start(string workingDirectory, IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Program);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var home = Path.Combine(workingDirectory, "home");
        Directory.CreateDirectory(home);
        info.Environment["PWD"] = workingDirectory;
        info.Environment["HOME"] = home;
        info.Environment["XDG_CONFIG_HOME"] = Path.Combine(home, ".config");
        info.Environment["XDG_STATE_HOME"] = Path.Combine(home, ".state");
        info.Environment.Remove("JARVIS_CONFIG");
        info.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var result = new ServerProcess(process);
        process.OutputDataReceived += (_, e) => result.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => result.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return result;
    }

    /// <summary>Runs the program to its end: exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] args)
    {
        await using var server = Start(workingDirectory, args);
        var code = await server.WaitForExitAsync();
        return (code, server.Output);
    }

    public async Task<int> WaitForExitAsync()
    {
        using var cts = new CancellationTokenSource(Deadline);
        await process.WaitForExitAsync(cts.Token);
        process.WaitForExit(); // drains the redirected output
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
