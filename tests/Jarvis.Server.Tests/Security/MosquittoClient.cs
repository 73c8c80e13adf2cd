using System.Diagnostics;

namespace Jarvis.Server.Tests.Security;

/// <summary>The real mosquitto client tools (<c>mosquitto_pub</c>, <c>mosquitto_sub</c>), run as an attacker or Home Assistant would.</summary>
internal static class MosquittoClient
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}, stdout '{Output.Trim()}', stderr '{Error.Trim()}'";
    }

    /// <summary>Runs <paramref name="tool"/> with the arguments; killed after <paramref name="timeout"/> (default 15 s).</summary>
    public static async Task<Result> RunAsync(string tool, IEnumerable<string> arguments, TimeSpan? timeout = null, string? standardInput = null)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (apt-get install mosquitto-clients)");
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>mosquitto_pub to 127.0.0.1 (or <paramref name="host"/>) with optional credentials and extra arguments.</summary>
    public static Task<Result> PublishAsync(int port, string topic, string message, string? username = null, string? password = null,
        string host = "127.0.0.1", params string[] extra) =>
        RunAsync("mosquitto_pub", [.. Common(host, port, username, password), "-t", topic, "-m", message, .. extra]);

    public static IEnumerable<string> Common(string host, int port, string? username, string? password)
    {
        yield return "-h";
        yield return host;
        yield return "-p";
        yield return port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (username is not null)
        {
            yield return "-u";
            yield return username;
            yield return "-P";
            yield return password ?? "";
        }
    }
}
