using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jarvis.Satellite.Hosting.Commands;

/// <summary>
/// <c>jarvis-satellite check-config [--config FILE]</c>: the validation of a start (file, JSON, every section's rules)
/// without opening a device or the link. Exit 0 when valid, 78 (EX_CONFIG) with the problems when not; install.sh runs
/// it before enabling the service.
/// </summary>
internal static class CheckConfigCommand
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = SatelliteHost.ConfigPath(args);
        if (SatelliteConfigFile.Problem(args) is { } problem)
        {
            return await SatelliteCommandLine.ConfigurationErrorAsync(path, [problem]).ConfigureAwait(false);
        }

        try
        {
            var builder = SatelliteHost.CreateBuilder(args);
            builder.Logging.ClearProviders();
            using var host = builder.Build();
            host.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception e) when (SatelliteCommandLine.Problems(e) is { Count: > 0 } problems)
        {
            if (SatelliteConfigFile.Missing(path) is { } missing)
            {
                problems = [missing, .. problems];
            }

            return await SatelliteCommandLine.ConfigurationErrorAsync(path, problems).ConfigureAwait(false);
        }

        var source = File.Exists(path) ? path : $"no file at {path}, settings from the environment and command line";
        await Console.Out.WriteLineAsync($"The configuration is valid ({source}).").ConfigureAwait(false);
        return 0;
    }
}
