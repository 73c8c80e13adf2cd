using Jarvis.Server.Hosting.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Hosting;

/// <summary>
/// The one configuration file, <c>jarvis.json</c>, found by <see cref="ConfigFileLocator"/> (<c>--config</c>,
/// <c>JARVIS_CONFIG</c>, working directory, user and system configuration directories; docs/configuration.md), layered
/// over appsettings.json (defaults) and under environment variables (<c>Mqtt__Port</c>) and the command line; checked
/// with the options at start (unknown keys, values of the wrong form).
/// </summary>
public static class ServerConfiguration
{
    public const string FileName = ConfigFileLocator.FileName;
    public const string PathVariable = ConfigFileLocator.PathVariable;

    /// <exception cref="ConfigurationProblemsException">A named file is missing, or the file is not valid JSON.</exception>
    public static ConfigFileLocation AddJarvisConfigFile(ConfigurationManager configuration, IReadOnlyList<string> args, ConfigSearchPaths paths)
    {
        var file = ConfigFileLocator.Locate(args, paths);
        if (file.Path is not null)
        {
            if (ConfigFileSyntax.Check(file.Path) is { } broken)
            {
                throw new ConfigurationProblemsException(file.Path, [broken]);
            }

            Insert(configuration, file.Path);
        }

        return file;
    }

    /// <summary>Registers the configuration check (validated at start, first) and the log line naming the file.</summary>
    public static IServiceCollection AddConfigurationCheck(this IServiceCollection services, ConfigFileLocation file)
    {
        services.AddSingleton(file);
        services.AddOptions<ConfigurationCheck>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConfigurationCheck>, ConfigurationCheckValidator>();
        services.AddHostedService<ConfigurationFileLog>();
        return services;
    }

    /// <summary>Adds the file above the JSON defaults but below environment variables and the command line.</summary>
    private static void Insert(ConfigurationManager configuration, string path)
    {
        var sources = (IList<IConfigurationSource>)configuration.Sources;
        var lastJson = sources.Select((s, i) => (s, i)).LastOrDefault(p => p.s is JsonConfigurationSource).i;
        var source = new JsonConfigurationSource
        {
            Path = path,
            Optional = false,
            ReloadOnChange = false,
        };
        source.ResolveFileProvider();
        sources.Insert(lastJson + 1, source);
    }
}
