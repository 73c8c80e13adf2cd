namespace Jarvis.Server.Hosting.Configuration;

/// <summary>Says at start which configuration file is in use, or that there is none and the defaults apply.</summary>
public sealed class ConfigurationFileLog(ConfigFileLocation file, ILogger<ConfigurationFileLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (file.Path is null)
        {
            logger.LogInformation("No configuration file: defaults (looked for {Searched})", string.Join(", ", file.Searched));
        }
        else
        {
            logger.LogInformation("Configuration file: {Path} ({Origin})", file.Path, file.Origin);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
