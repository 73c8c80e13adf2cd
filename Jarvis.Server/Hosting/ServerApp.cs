using Jarvis.Server.Health;

namespace Jarvis.Server.Hosting;

/// <summary>Builds the server's web application: options, hosted services, endpoints.</summary>
public static class ServerApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Each feature registers itself with one line here: builder.Services.AddXxx(builder.Configuration);
        ServerConfiguration.AddJarvisConfigFile(builder.Configuration, builder.Environment);
        builder.Services.AddHub();

        var app = builder.Build();
        app.MapHealth();
        app.MapHub();
        // Each feature maps its endpoints with one line here: app.MapXxx();
        return app;
    }
}
