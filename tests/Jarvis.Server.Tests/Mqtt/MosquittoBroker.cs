using System.Diagnostics;
using System.Net.Sockets;

namespace Jarvis.Server.Tests.Mqtt;

/// <summary>A real mosquitto (<c>mosquitto -c FILE</c>) on a free 127.0.0.1 port, killed on stop.</summary>
public sealed class MosquittoBroker : IBrokerFixture
{
    private readonly string _directory = Directory.CreateTempSubdirectory("jarvis-mosquitto-").FullName;
    private Process? _process;

    public int Port { get; } = Hub.FreePort.Next();

    public async Task StartAsync()
    {
        var config = Path.Combine(_directory, "mosquitto.conf");
        await File.WriteAllTextAsync(config, $"listener {Port} 127.0.0.1\nallow_anonymous true\npersistence false\n");
        _process = Process.Start(new ProcessStartInfo("mosquitto", ["-c", config])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("mosquitto did not start (is it installed? apt-get install mosquitto)");
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        await Hub.Eventually.TrueAsync(async () => await AcceptsAsync(), $"mosquitto listens on {Port}");
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<bool> AcceptsAsync()
    {
        if (_process is { HasExited: true })
        {
            throw new InvalidOperationException($"mosquitto exited with {_process.ExitCode}");
        }

        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(System.Net.IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
