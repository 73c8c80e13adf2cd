using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Jarvis.PersonaPlex.Emulator.Realtime;

/// <summary>
/// A strict stand-in for vLLM-Omni serving PersonaPlex on 127.0.0.1 (Kestrel), written from realtime-duplex-protocol.md:
/// <c>/v1/realtime?duplex=1</c> (JSON events over text frames, <c>max_sessions</c> admission, typed errors), <c>GET /health</c>
/// and <c>GET /v1/models</c>, an optional API key on <c>/v1/*</c>. Every connection is recorded (<see cref="Sessions"/>) with the
/// frames its session received, so tests can check which room's audio reached which session.
/// </summary>
public sealed class RealtimeEmulator : IAsyncDisposable
{
    private readonly ConcurrentQueue<RealtimeSessionRecord> _sessions = new();
    private WebApplication? _app;
    private CancellationTokenSource _stopping = new();

    public RealtimeEmulator(RealtimeEmulatorOptions? options = null)
    {
        Options = options ?? new RealtimeEmulatorOptions();
        Admission = new Admission(() => Options.MaxSessions);
    }

    public RealtimeEmulatorOptions Options { get; }

    /// <summary>The places taken against <see cref="RealtimeEmulatorOptions.MaxSessions"/>.</summary>
    public Admission Admission { get; private set; }

    public int Port { get; private set; }

    /// <summary><c>ws://127.0.0.1:PORT/v1/realtime</c> (Jarvis adds the query).</summary>
    public Uri RealtimeUrl => new($"{(Options.Certificate is null ? "ws" : "wss")}://127.0.0.1:{Port}/v1/realtime");

    /// <summary>Every connection to the duplex route so far, in arrival order.</summary>
    public IReadOnlyList<RealtimeSessionRecord> Sessions => _sessions.ToArray();

    /// <summary>The connections whose session opened, in order.</summary>
    public IReadOnlyList<RealtimeSessionRecord> OpenedSessions => _sessions.Where(s => s.SessionId is not null).ToArray();

    /// <summary>
    /// The engine reports a failure on <paramref name="session"/> (<c>engine_error</c>, <c>runtime_*</c>, …): one error event with
    /// the code's type, the socket left open, as the spec's catalogue says for server errors.
    /// </summary>
    public Task InjectErrorAsync(RealtimeSessionRecord session, string code, string message) =>
        session.Sender?.ErrorAsync(new WireError(code, message), CancellationToken.None) ?? Task.CompletedTask;

    /// <summary>Starts on <paramref name="port"/> (0 = any free port; give the old port to restart in place).</summary>
    public async Task StartAsync(int port = 0, CancellationToken cancellationToken = default)
    {
        _stopping = new CancellationTokenSource();
        Admission = new Admission(() => Options.MaxSessions); // a restarted server holds no session
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"{(Options.Certificate is null ? "http" : "https")}://127.0.0.1:{port}");
        if (Options.Certificate is { } certificate)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        }
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.UseWebSockets();
        app.Run(HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
        _app = app;
    }

    /// <summary>Stops listening and drops every connection (like killing the server process).</summary>
    public async Task StopAsync()
    {
        if (_app is not { } app)
        {
            return;
        }

        _app = null;
        await _stopping.CancelAsync().ConfigureAwait(false);
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (path == "/health")
        {
            context.Response.StatusCode = Options.EngineDead ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
            return;
        }

        if (path.StartsWith("/v1/", StringComparison.Ordinal) && Options.ApiKey is { } key
            && context.Request.Headers.Authorization.ToString() != "Bearer " + key)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["error"] = "Unauthorized" }, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (path == "/v1/models" && HttpMethods.IsGet(context.Request.Method))
        {
            await WriteModelsAsync(context).ConfigureAwait(false);
            return;
        }

        if (path == "/v1/realtime" && context.WebSockets.IsWebSocketRequest)
        {
            await RealtimeAsync(context).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        await context.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["detail"] = "Not Found" }, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task RealtimeAsync(HttpContext context)
    {
        if (context.Request.Query["duplex"].ToString() != "1")
        {
            // Without duplex=1 the route is vLLM's non-duplex Realtime (the legacy Qwen STT route): refused here.
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["error"] = "duplex=1 is required for PersonaPlex" }, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var record = new RealtimeSessionRecord(context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()));
        _sessions.Enqueue(record);
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        using var abortRegistration = ConnectionAbort.OnCancel(aborted.Token, context);
        try
        {
            record.End(await new DuplexConnection(socket, record, Options, Admission).RunAsync(aborted.Token).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Net.WebSockets.WebSocketException or IOException)
        {
            record.End($"connection lost: {ex.Message}");
        }
    }

    private async Task WriteModelsAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("object", "list");
        json.WriteStartArray("data");
        json.WriteStartObject();
        json.WriteString("id", Options.Model);
        json.WriteString("object", "model");
        json.WriteNumber("created", 1_760_000_000);
        json.WriteString("owned_by", "vllm");
        json.WriteString("root", Options.ModelPath);
        json.WriteNumber("max_model_len", Options.WindowFrames);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
