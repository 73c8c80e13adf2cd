using System.Diagnostics;
using System.Net.Sockets;

namespace Jarvis.Server.Tests.Mqtt;

/// <summary>A real mosquitto (<c>mosquitto -c FILE</c>) on a free 127.0.0.1 port, killed on stop.</summary>
public sealed class MosquittoBroker : IBrokerFixture
{
    private readonly string _directory = Directory.CreateTempSubdirectory("jarvis-mosquitto-").FullName;
    private Process? _process;

    public int Port { get; } = Hub.FreePort.Next();

    /// <summary>When set, anonymous clients are refused and only this user (with <see cref="Password"/>) may connect.</summary>
    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>More accounts (user → password) next to <see cref="Username"/>.</summary>
    public IReadOnlyDictionary<string, string> Accounts { get; init; } = new Dictionary<string, string>();

    /// <summary>The text of an ACL file (mosquitto <c>acl_file</c>), or null for none.</summary>
    public string? Acl { get; init; }

    public async Task StartAsync()
    {
        var config = Path.Combine(_directory, "mosquitto.conf");
        var auth = "allow_anonymous true\n";
        if (Username is not null)
        {
            var passwords = Path.Combine(_directory, "passwords");
            using (var tool = Process.Start(new ProcessStartInfo("mosquitto_passwd", ["-c", "-b", passwords, Username, Password ?? ""]) { UseShellExecute = false }))
            {
                await tool!.WaitForExitAsync();
            }

            foreach (var (user, password) in Accounts)
            {
                using var tool = Process.Start(new ProcessStartInfo("mosquitto_passwd", ["-b", passwords, user, password]) { UseShellExecute = false });
                await tool!.WaitForExitAsync();
            }

            // Started as root, mosquitto reads its files as the "mosquitto" user.
            if (OperatingSystem.IsWindows())
            {
                throw new PlatformNotSupportedException("mosquitto tests run on Linux and macOS");
            }

            File.SetUnixFileMode(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            File.SetUnixFileMode(passwords, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            auth = $"allow_anonymous false\npassword_file {passwords}\n";
            if (Acl is not null)
            {
                var acl = Path.Combine(_directory, "acl");
                await File.WriteAllTextAsync(acl, Acl);
                File.SetUnixFileMode(acl, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
                auth += $"acl_file {acl}\n";
            }
        }

        await File.WriteAllTextAsync(config, $"listener {Port} 127.0.0.1\n{auth}persistence false\n");
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
