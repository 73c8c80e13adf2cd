using Microsoft.Extensions.Hosting;

namespace Jarvis.Satellite.Hosting;

/// <summary>Entry point: no verb runs the satellite service; <c>devices</c>, <c>test-leds</c> are tools.</summary>
public static class SatelliteCommandLine
{
    /// <summary>EX_CONFIG: systemd's RestartPreventExitStatus stops the restart loop on a configuration error.</summary>
    public const int ExConfig = 78;

    private static readonly Dictionary<string, Func<string[], CancellationToken, Task<int>>> Verbs =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["devices"] = Commands.DevicesCommand.RunAsync,
            ["test-leds"] = Commands.TestLedsCommand.RunAsync,
        };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && Verbs.TryGetValue(args[0], out var verb))
        {
            using var cts = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
            return await verb(args[1..], cts.Token).ConfigureAwait(false);
        }

        try
        {
            using var host = SatelliteHost.CreateBuilder(args).Build();
            await host.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"Invalid configuration ({SatelliteHost.ConfigPath(args)}):").ConfigureAwait(false);
            foreach (var failure in e.Failures)
            {
                await Console.Error.WriteLineAsync($"  {failure}").ConfigureAwait(false);
            }

            return ExConfig;
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            // A value of the wrong type (a word where a number belongs, an unknown engine name) fails in the binder.
            await Console.Error.WriteLineAsync($"Invalid configuration ({SatelliteHost.ConfigPath(args)}): {e.Message}").ConfigureAwait(false);
            return ExConfig;
        }
    }
}
