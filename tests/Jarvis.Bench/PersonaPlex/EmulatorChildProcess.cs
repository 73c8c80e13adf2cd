using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Jarvis.Bench.PersonaPlex;

/// <summary>The PersonaPlex emulator in its own process, so that its work and allocations stay out of the measurement.</summary>
internal sealed class EmulatorChildProcess : IAsyncDisposable
{
    private readonly Process _process;

    private EmulatorChildProcess(Process process, int port, bool realtime)
    {
        _process = process;
        ChatUrl = new Uri(realtime ? $"ws://127.0.0.1:{port}/v1/realtime" : $"ws://127.0.0.1:{port}/api/chat");
    }

    /// <summary>The emulator's WebSocket URL (<c>/api/chat</c>, or <c>/v1/realtime</c> for the vLLM-Omni emulator).</summary>
    public Uri ChatUrl { get; }

    /// <summary>Starts the emulator; <paramref name="arguments"/> with <c>--realtime</c> start vLLM-Omni's instead of PersonaPlex's.</summary>
    public static async Task<EmulatorChildProcess> StartAsync(params string[] arguments)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Jarvis.PersonaPlex.Emulator.dll"));
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the emulator");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(deadline.Token).ConfigureAwait(false) is { } line)
        {
            if (line.Contains("listening", StringComparison.Ordinal))
            {
                return new EmulatorChildProcess(process, port, arguments.Contains("--realtime"));
            }
        }

        throw new InvalidOperationException("the emulator exited before listening");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }
}
