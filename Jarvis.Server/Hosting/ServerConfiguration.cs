namespace Jarvis.Server.Hosting;

/// <summary>
/// The one configuration file: <c>jarvis.json</c> next to the executable or in the working directory, or the file named by
/// <c>JARVIS_CONFIG</c>, layered over appsettings.json (defaults) and under environment variables (<c>Mqtt__Port</c>).
/// Sections: PersonaPlex, Audio, Persona, Routing, Mqtt, Satellites, Rooms, Wake, HomeAssistant, Ollama.
/// </summary>
public static class ServerConfiguration
{
    public const string FileName = "jarvis.json";
    public const string PathVariable = "JARVIS_CONFIG";

    public static void AddJarvisConfigFile(ConfigurationManager configuration, IWebHostEnvironment environment)
    {
        var explicitPath = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(explicitPath))
        {
            if (!File.Exists(explicitPath))
            {
                throw new FileNotFoundException($"{PathVariable} names {explicitPath}, which does not exist: create it (see docs/configuration.md) or unset {PathVariable}.", explicitPath);
            }

            Insert(configuration, Path.GetFullPath(explicitPath));
            return;
        }

        foreach (var directory in new[] { environment.ContentRootPath, AppContext.BaseDirectory })
        {
            var candidate = Path.Combine(directory, FileName);
            if (File.Exists(candidate))
            {
                Insert(configuration, candidate);
                return;
            }
        }
    }

    /// <summary>Adds the file above the JSON defaults but below environment variables and the command line.</summary>
    private static void Insert(ConfigurationManager configuration, string path)
    {
        var sources = (IList<IConfigurationSource>)configuration.Sources;
        var lastJson = sources.Select((s, i) => (s, i)).LastOrDefault(p => p.s is Microsoft.Extensions.Configuration.Json.JsonConfigurationSource).i;
        var source = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = path,
            Optional = false,
            ReloadOnChange = false,
        };
        source.ResolveFileProvider();
        sources.Insert(lastJson + 1, source);
    }
}
