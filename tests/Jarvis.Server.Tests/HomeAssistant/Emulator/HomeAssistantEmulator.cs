using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jarvis.Server.Tests.HomeAssistant.Emulator;

/// <summary>
/// A fake Home Assistant on Kestrel (127.0.0.1, port 0 then kept across restarts): the REST and WebSocket subset
/// of the spec, strict about auth, ids and schemas, backed by an <see cref="EmulatedHome"/>.
/// </summary>
public sealed class HomeAssistantEmulator : IAsyncDisposable
{
    public const string Version = "2026.8.1";
    private WebApplication? _app;
    private int _port;
    private int _authFailures;

    private HomeAssistantEmulator(EmulatedHome home) => Home = home;

    public EmulatedHome Home { get; }

    public string Token { get; } = "emulator-" + Guid.NewGuid().ToString("N");

    public string Url => $"http://127.0.0.1:{_port}";

    public int AuthFailures => Volatile.Read(ref _authFailures);

    public static async Task<HomeAssistantEmulator> StartAsync(EmulatedHome? home = null)
    {
        var emulator = new HomeAssistantEmulator(home ?? EmulatedHome.FromFixtures(CorpusPaths.Fixtures));
        await emulator.RestartAsync();
        return emulator;
    }

    /// <summary>Starts (again) on the same port; the home and its states are kept.</summary>
    public async Task RestartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, _port));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.UseWebSockets();
        MapEndpoints(app);
        await app.StartAsync();
        _port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        _app = app;
    }

    /// <summary>Stops serving: open WebSockets are closed, the port is freed.</summary>
    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    internal void RecordAuthFailure() => Interlocked.Increment(ref _authFailures);

    private void MapEndpoints(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/api/websocket")
                && context.Request.Headers.Authorization.ToString() != $"Bearer {Token}")
            {
                context.Response.StatusCode = 401;
                await context.Response.WriteAsync("401: Unauthorized");
                return;
            }

            await next(context);
        });
        app.MapGet("/api/", () => Results.Json(new { message = "API running." }));
        app.MapGet("/api/config", () => Results.Text(new JsonObject { ["version"] = Version, ["location_name"] = "Emulated Home" }.ToJsonString(), "application/json"));
        app.MapGet("/api/states", () => Results.Text(new JsonArray(Home.Entities.Select(e => (JsonNode?)e.ToStateObject()).ToArray()).ToJsonString(), "application/json"));
        app.MapGet("/api/states/{entityId}", (string entityId) => Home.Entity(entityId) is { } e
            ? Results.Text(e.ToStateObject().ToJsonString(), "application/json")
            : Results.Json(new { message = "Entity not found." }, statusCode: 404));
        app.MapPost("/api/services/{domain}/{service}", CallServiceAsync);
        app.MapPost("/api/conversation/process", ConversationAsync);
        app.Map("/api/websocket", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                return Results.BadRequest();
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, context.RequestAborted);
            try
            {
                await new EmulatorWebSocketSession(socket, this).RunAsync(linked.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or System.Net.WebSockets.WebSocketException)
            {
                // Client went away or the emulator is stopping.
            }

            return Results.Empty;
        });
    }

    private async Task<IResult> CallServiceAsync(string domain, string service, HttpRequest request)
    {
        JsonObject data;
        try
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            data = body.Length == 0 ? [] : JsonNode.Parse(body) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            return Results.Json(new { message = "Data should be valid JSON." }, statusCode: 400);
        }

        if (request.Query.ContainsKey("return_response"))
        {
            return Results.Json(new { message = "Service does not support responses. Remove return_response from request." }, statusCode: 400);
        }

        var targets = ServiceTargets.Extract(Home, domain, data, null);
        try
        {
            Home.RecordCall(domain, service, data, targets);
            var changed = EmulatedServices.Apply(Home, domain, service, data, targets, Guid.NewGuid().ToString("N"));
            return Results.Text(new JsonArray(changed.Select(c => (JsonNode?)c).ToArray()).ToJsonString(), "application/json");
        }
        catch (EmulatorServiceException ex) when (ex.Code is "not_found" or "invalid_format")
        {
            return Results.Text("400: Bad Request", statusCode: 400);
        }
        catch (EmulatorServiceException)
        {
            return Results.Text("500 Internal Server Error", statusCode: 500);
        }
    }

    private async Task<IResult> ConversationAsync(HttpRequest request)
    {
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync()) as JsonObject;
        }
        catch (JsonException)
        {
            return Results.Json(new { message = "Invalid JSON." }, statusCode: 400);
        }

        if ((string?)body?["text"] is not { } text)
        {
            return Results.Json(new { message = "Message format incorrect: required key not provided @ data['text']" }, statusCode: 400);
        }

        return Results.Text(EmulatedConversation.Process(Home, text, (string?)body["conversation_id"]).ToJsonString(), "application/json");
    }
}
