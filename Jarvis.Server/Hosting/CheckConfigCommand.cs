using Jarvis.Server.Hosting.Configuration;

namespace Jarvis.Server.Hosting;

/// <summary>
/// <c>check-config [--config FILE] [--Section:Key=value …]</c>: finds the configuration file as the server would, runs
/// the same validation and says what it found, without starting anything. Exit 0 when valid, 2 when not.
/// </summary>
public static class CheckConfigCommand
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            app = ServerApp.Build(args);
        }
        catch (ConfigurationProblemsException e)
        {
            await Console.Error.WriteLineAsync(ServerStartup.Format(e.File, e.Problems)).ConfigureAwait(false);
            return ServerStartup.ConfigurationExitCode;
        }

        await using (app.ConfigureAwait(false))
        {
            var file = app.Services.GetRequiredService<ConfigFileLocation>();
            if (ServerStartup.Validate(app.Services) is { Count: > 0 } problems)
            {
                await Console.Error.WriteLineAsync(ServerStartup.Format(file.Path, problems)).ConfigureAwait(false);
                return ServerStartup.ConfigurationExitCode;
            }

            await Console.Out.WriteLineAsync($"The configuration is valid: {file.Describe()}.").ConfigureAwait(false);
            return 0;
        }
    }
}
