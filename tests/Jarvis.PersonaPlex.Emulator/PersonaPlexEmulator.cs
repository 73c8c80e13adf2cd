using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Jarvis.PersonaPlex.Emulator;

/// <summary>
/// A strict stand-in for NVIDIA PersonaPlex's <c>moshi.server</c> on 127.0.0.1 (Kestrel): routes <c>/api/chat</c>
/// (WebSocket; 400 to a plain GET) and <c>/</c>; one session at a time behind a FIFO lock, later clients upgraded
/// and then left waiting without a word; abrupt drops for the query errors the real server crashes on.
/// </summary>
public sealed class PersonaPlexEmulator : IAsyncDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly ConcurrentQueue<SessionRecord> _sessions = new();
    private WebApplication? _app;
    private CancellationTokenSource _stopping = new();

    public PersonaPlexEmulator(EmulatorOptions? options = null)
    {
        Options = options ?? new EmulatorOptions();
    }

    public EmulatorOptions Options { get; }

    public int Port { get; private set; }

    public Uri ChatUrl => new($"{(Options.Certificate is null ? "ws" : "wss")}://127.0.0.1:{Port}/api/chat");

    /// <summary>
    /// The model says <paramref name="sentence"/> in the current (or next) conversation: one word piece per model step, as the
    /// real server streams its text tokens (word-initial pieces start with a space).
    /// </summary>
    public void Say(string sentence)
    {
        foreach (var word in sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Options.Script.Enqueue(" " + word);
        }
    }

    /// <summary>Every connection so far, in arrival order.</summary>
    public IReadOnlyList<SessionRecord> Sessions => _sessions.ToArray();

    /// <summary>Starts on <paramref name="port"/> (0 = any free port; give the old port to restart in place).</summary>
    public async Task StartAsync(int port = 0, CancellationToken cancellationToken = default)
    {
        _stopping = new CancellationTokenSource();
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
        if (context.Request.Path == "/api/chat")
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync("No WebSocket UPGRADE hdr", context.RequestAborted).ConfigureAwait(false);
                return;
            }

            await ChatAsync(context).ConfigureAwait(false);
            return;
        }

        if (context.Request.Path == "/")
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<!doctype html><title>PersonaPlex</title>", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    private async Task ChatAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false); // 101 at once, before any check
        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        var record = new SessionRecord(query);
        _sessions.Enqueue(record);
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        using var abortRegistration = ConnectionAbort.OnCancel(aborted.Token, context);

        // server.py parses the query before taking the lock; these errors crash the handler after the upgrade.
        var failure = query.ContainsKey("seed") ? "seed parameter (KeyError on request[\"seed\"])"
            : !query.ContainsKey("text_prompt") ? "missing text_prompt (KeyError)"
            : !query.TryGetValue("voice_prompt", out var voice) ? "missing voice_prompt (KeyError)"
            : !Options.Voices.Contains(voice) ? $"voice prompt {voice} not found (FileNotFoundError)"
            : null;
        if (failure is not null)
        {
            Drop(record, failure);
            return;
        }

        record.Enter(SessionPhase.Queued);
        try
        {
            await _lock.WaitAsync(aborted.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            record.End("left while queued");
            return;
        }

        try
        {
            if (string.IsNullOrEmpty(query["text_prompt"]))
            {
                Drop(record, "empty text_prompt (TypeError in the prompt phase)");
                return;
            }

            var reason = await new EmulatedSession(socket, record, Options).RunLockedAsync(aborted.Token).ConfigureAwait(false);
            record.End(reason);
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Net.WebSockets.WebSocketException or IOException)
        {
            record.End($"connection lost: {ex.Message}");
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Ends the handler without a close frame: Kestrel then closes the TCP connection (FIN), and the client sees an
    /// abnormal closure (1006) after its 101, as with aiohttp when the handler raises after <c>ws.prepare</c>.
    /// </summary>
    private static void Drop(SessionRecord record, string reason) => record.End($"aborted: {reason}");
}
