using Jarvis.Server.Answering;
using Jarvis.Server.Conversation;
using Jarvis.Server.HomeAssistant;
using Jarvis.Server.Hosting;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jarvis.Fuzz.Targets;

/// <summary>
/// The server's configuration file: the JSON loaded over appsettings.json, every options class bound and validated as at
/// start-up (<see cref="IStartupValidator"/>). Documented error: one that <see cref="ConfigurationErrors.Describe"/> turns into
/// the list of things to fix; any other exception would reach the user as a stack trace. Input: the jarvis.json bytes.
/// </summary>
internal sealed class ConfigTarget : FuzzTarget
{
    private static readonly byte[] Defaults = File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
        ? File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
        : "{}"u8.ToArray();

    private static readonly string ConfigFile = Path.Combine(Path.GetTempPath(), $"jarvis-fuzz-{Environment.ProcessId}.json");

    public override string Name => "config";

    public override string Description => "server configuration file: options binding and validation (Jarvis.Server/Hosting)";

    public override IReadOnlyList<string> InstrumentedAssemblies { get; } = ["Jarvis.Server.dll"];

    public override void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            // A real file through the JSON file provider, as ServerConfiguration loads jarvis.json (its errors are wrapped).
            File.WriteAllBytes(ConfigFile, input);
            var configuration = new ConfigurationBuilder()
                .AddJsonStream(new MemoryStream(Defaults))
                .AddJsonFile(ConfigFile, optional: false, reloadOnChange: false)
                .Build();
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(configuration);
            services.AddLogging();
            services.AddServerSecurity();
            services.AddHub();
            services.AddPersonaPlex(configuration);
            services.AddSpeechAndRouting(configuration);
            services.AddHomeAssistant(configuration);
            services.AddConversation();
            using var provider = services.BuildServiceProvider();
            provider.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (Exception ex) when (ConfigurationErrors.Describe(ex) is not null)
        {
            // Documented: the server prints these lines and exits.
        }
    }

    public override IEnumerable<(string Name, byte[] Data)> Seeds()
    {
        var docs = FindUp("docs/jarvis.example.json");
        if (docs is not null)
        {
            yield return ("example", File.ReadAllBytes(docs));
        }

        yield return ("empty", "{}"u8.ToArray());
        yield return ("satellites", """
            {"Satellites":{"Devices":{"kitchen-1":{"Room":"kitchen","Token":"k1-0123456789abcdef0123456789abcdef"}}},
             "Mqtt":{"Mode":"Embedded","Port":1883,"Listen":"127.0.0.1"},
             "PersonaPlex":{"Endpoints":[{"Url":"ws://gpu:8998/api/chat","MaxSessions":2}]},
             "HomeAssistant":{"Url":"http://ha.local:8123","Token":"abc"},
             "Rooms":{"ArbitrationWindow":"00:00:00.150"}}
            """u8.ToArray());
    }

    private static string? FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
