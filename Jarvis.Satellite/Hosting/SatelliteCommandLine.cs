using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Jarvis.Satellite.Hosting;

/// <summary>
/// Entry point: no verb runs the satellite service; <c>check-config</c>, <c>devices</c>, <c>test-leds</c> are tools;
/// <c>help</c>, <c>--help</c>, <c>-h</c> print <see cref="SatelliteUsage"/>. A configuration the satellite cannot use
/// is listed, one problem a line, with exit code 78.
/// </summary>
public static class SatelliteCommandLine
{
    /// <summary>EX_CONFIG: systemd's RestartPreventExitStatus stops the restart loop on a configuration error.</summary>
    public const int ExConfig = 78;

    private static readonly Dictionary<string, Func<string[], CancellationToken, Task<int>>> Verbs =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["check-config"] = Commands.CheckConfigCommand.RunAsync,
            ["devices"] = Commands.DevicesCommand.RunAsync,
            ["test-leds"] = Commands.TestLedsCommand.RunAsync,
        };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Any(a => a is "--help" or "-h") || args is ["help", ..])
        {
            await Console.Out.WriteLineAsync(SatelliteUsage.Text).ConfigureAwait(false);
            return 0;
        }

        if (args.Length > 0 && Verbs.TryGetValue(args[0], out var verb))
        {
            using var cts = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
            return await verb(args[1..], cts.Token).ConfigureAwait(false);
        }

        if (args.Length > 0 && !args[0].StartsWith('-'))
        {
            await Console.Error.WriteLineAsync($"jarvis-satellite: unknown command '{args[0]}' (commands: {string.Join(", ", Verbs.Keys)}, help).").ConfigureAwait(false);
            return 64; // EX_USAGE
        }

        var path = SatelliteHost.ConfigPath(args);
        if (SatelliteConfigFile.Problem(args) is { } problem)
        {
            return await ConfigurationErrorAsync(path, [problem]).ConfigureAwait(false);
        }

        try
        {
            using var host = SatelliteHost.CreateBuilder(args).Build();
            // Validated before the host starts its services, so that a bad setting is listed, not logged with a stack trace.
            host.Services.GetService<IStartupValidator>()?.Validate();
            await host.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception e) when (Problems(e) is { Count: > 0 } problems)
        {
            if (SatelliteConfigFile.Missing(path) is { } missing)
            {
                problems = [missing, .. problems];
            }

            return await ConfigurationErrorAsync(path, problems).ConfigureAwait(false);
        }
    }

    /// <summary>The configuration problems in <paramref name="error"/> (validation failures, values the binder cannot convert).</summary>
    internal static IReadOnlyList<string> Problems(Exception error) => error switch
    {
        OptionsValidationException validation => validation.Failures.ToArray(),
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Problems).Distinct().ToArray(),
        InvalidOperationException { Message: var message } when message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            [$"{message} {error.InnerException?.Message}".Trim()],
        _ => [],
    };

    /// <summary>One line for one problem (naming the file), else a heading and one line per problem; EX_CONFIG.</summary>
    internal static async Task<int> ConfigurationErrorAsync(string path, IReadOnlyList<string> problems)
    {
        if (problems is [var only])
        {
            var text = only.StartsWith(path, StringComparison.Ordinal) || only.Contains(path, StringComparison.Ordinal)
                ? $"Invalid configuration: {only}"
                : $"Invalid configuration ({path}): {only}";
            await Console.Error.WriteLineAsync(text).ConfigureAwait(false);
            return ExConfig;
        }

        await Console.Error.WriteLineAsync($"Invalid configuration ({path}):").ConfigureAwait(false);
        foreach (var problem in problems)
        {
            await Console.Error.WriteLineAsync($"  {problem}").ConfigureAwait(false);
        }

        return ExConfig;
    }
}
