using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Jarvis.Server.Tests.PersonaPlex.Support;

/// <summary>The PersonaPlex emulator run as its own process (<c>dotnet Jarvis.PersonaPlex.Emulator.dll --port N</c>), killed on dispose.</summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri ChatUrl => new($"ws://127.0.0.1:{Port}/api/chat");

    public static async Task<EmulatorProcess> StartAsync(params string[] extraArguments)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Jarvis.PersonaPlex.Emulator.dll"));
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var argument in extraArguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the emulator");
        var emulator = new EmulatorProcess(process, port);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.Contains("listening", StringComparison.Ordinal))
            {
                return emulator;
            }
        }

        await emulator.DisposeAsync();
        throw new InvalidOperationException($"the emulator exited: {await process.StandardError.ReadToEndAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
