using Jarvis.Server.Announcements;
using Jarvis.Server.Answering;
using Jarvis.Server.Conversation;
using Jarvis.Server.Discovery;
using Jarvis.Server.Health;
using Jarvis.Server.HomeAssistant;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Security;
using Jarvis.Server.Timers;

namespace Jarvis.Server.Hosting;

/// <summary>Builds the server's web application: options, hosted services, endpoints.</summary>
public static class ServerApp
{
    /// <summary>The HTTP address without <c>--urls</c>/<c>ASPNETCORE_URLS</c>/<c>Urls</c>: every address, port 8080.</summary>
    public const string DefaultUrl = "http://*:8080";

    /// <param name="args">Command line (configuration overrides such as <c>--Mqtt:Port=1884</c>).</param>
    /// <param name="configureServices">Last-minute service overrides (benchmarks, tests); null in production.</param>
    /// <param name="searchPaths">Where to look for jarvis.json (null: this machine's search order).</param>
    /// <exception cref="Configuration.ConfigurationProblemsException">A named file is missing or not valid JSON.</exception>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices = null, Configuration.ConfigSearchPaths? searchPaths = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var file = ServerConfiguration.AddJarvisConfigFile(builder.Configuration, args, searchPaths ?? Configuration.ConfigSearchPaths.FromEnvironment());
        builder.Services.AddConfigurationCheck(file);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl); // where satellites can reach it; the API needs its token, the broker stays on loopback
        }

        // Each feature registers itself with one line here: builder.Services.AddXxx(builder.Configuration);
        builder.Services.AddServerSecurity();
        builder.Services.AddHub();
        builder.Services.AddDiscovery();
        builder.Services.AddPersonaPlex(builder.Configuration);
        builder.Services.AddSpeechAndRouting(builder.Configuration);
        builder.Services.AddHomeAssistant(builder.Configuration);
        builder.Services.AddTimers();
        builder.Services.AddAnnouncements();
        builder.Services.AddConversation();
        builder.Services.AddHostedService<HomeAssistant.Summary.HomePersonaRefresher>();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseServerSecurity();
        app.MapHealth();
        app.MapHub();
        // Each feature maps its endpoints with one line here: app.MapXxx();
        app.MapConversationApi();
        app.MapAnnouncements();
        app.MapTimers();
        return app;
    }
}
