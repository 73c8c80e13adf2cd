using Microsoft.Extensions.Hosting;

namespace Jarvis.Satellite.Hosting;

/// <summary>Entry point: no verb runs the satellite service; <c>devices</c>, <c>test-leds</c> are tools.</summary>
public static class SatelliteCommandLine
{
    private static readonly Dictionary<string, Func<string[], CancellationToken, Task<int>>> Verbs =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["devices"] = Commands.DevicesCommand.RunAsync,
        };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && Verbs.TryGetValue(args[0], out var verb))
        {
            using var cts = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
            return await verb(args[1..], cts.Token).ConfigureAwait(false);
        }

        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddSystemd();
        using var host = builder.Build();
        await host.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
