using System.Diagnostics;

namespace Jarvis.Server.Tests.PersonaPlex.Support;

/// <summary>Runs sox/soxi (installed with the system packages) and returns what they print.</summary>
internal static class Sox
{
    public static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} failed: {await error}");
        return await output + await error; // `sox … stat` prints to stderr
    }
}
