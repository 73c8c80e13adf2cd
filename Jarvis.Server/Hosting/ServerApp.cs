using System.Text.Json;

namespace Jarvis.Server.Hosting;

/// <summary>Builds the server's web application: endpoints, hosted services, options.</summary>
public static class ServerApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/health", () => Results.Json(new { status = "ok" }));
        return app;
    }
}
