using Jarvis.Server.Health;
using Jarvis.Server.HomeAssistant;

namespace Jarvis.Server.Hosting;

/// <summary>Builds the server's web application: options, hosted services, endpoints.</summary>
public static class ServerApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHomeAssistant(builder.Configuration);
        // Each feature registers itself with one line here: builder.Services.AddXxx(builder.Configuration);

        var app = builder.Build();
        app.MapHealth();
        // Each feature maps its endpoints with one line here: app.MapXxx();
        return app;
    }
}
