using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jarvis.Server.Tests.Emulators.Ollama;

/// <summary>
/// Ollama HTTP emulator on 127.0.0.1:0 (Kestrel), per ollama-api.md: <c>/</c>, <c>/api/version</c>, <c>/api/tags</c>,
/// <c>/api/ps</c>, <c>/api/chat</c> streaming NDJSON (one flushed line per token, then <c>done:true</c> with metrics) or a
/// single object with <c>stream:false</c>; empty messages load/unload the model; 400 for a missing body, bad JSON or no
/// model; 404 <c>model '…' not found</c> for a model that is not pulled; a scripted mid-stream <c>{"error":…}</c> line.
/// Records completed streams and streams the client aborted (closed the connection), with how far they had got.
/// </summary>
public sealed class OllamaEmulator : IAsyncDisposable
{
    private WebApplication? _app;

    public Uri Url { get; private set; } = new("http://127.0.0.1:1/");

    /// <summary>Pulled models (name:tag).</summary>
    public HashSet<string> Models { get; } = new(StringComparer.Ordinal) { "llama3.1:8b" };

    /// <summary>The answer for a chat request, given the request body.</summary>
    public Func<JsonObject, string> Answer { get; set; } = _ => "This is an emulated answer.";

    public TimeSpan TokenDelay { get; set; }

    public TimeSpan FirstTokenDelay { get; set; }

    /// <summary>
    /// After this many tokens the stream stalls: nothing more is written until the client goes away (a slow model between two
    /// tokens; null: never).
    /// </summary>
    public int? StallAfterTokens { get; set; }

    /// <summary>After this many tokens the stream ends with an error line and no done:true (null: never).</summary>
    public int? FailAfterTokens { get; set; }

    /// <summary>Every chat request body (including load requests), in order.</summary>
    public ConcurrentQueue<JsonObject> ChatRequests { get; } = new();

    /// <summary>Chat requests that asked for an answer (messages not empty).</summary>
    public int AnswerCount => ChatRequests.Count(r => r["messages"] is JsonArray { Count: > 0 });

    /// <summary>Streams the client closed before their done:true line (any moment, including before the first token).</summary>
    public int AbortedStreams;

    /// <summary>
    /// For each stream the client aborted after it had received at least one token (the connection or request went away
    /// mid-stream), how many of the answer's tokens had been sent and how many the answer had.
    /// </summary>
    public ConcurrentQueue<(int Sent, int Total)> AbortedMidStream { get; } = new();

    /// <summary>Streams that reached their done:true line.</summary>
    public int CompletedStreams;

    public async Task<OllamaEmulator> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/", () => Results.Text("Ollama is running"));
        _app.MapGet("/api/version", () => Results.Json(new { version = "0.11.4" }));
        _app.MapGet("/api/tags", () => Results.Json(new { models = Models.Select(OllamaShapes.Tag).ToArray() }));
        _app.MapGet("/api/ps", () => Results.Json(new { models = Array.Empty<object>() }));
        _app.MapPost("/api/chat", ChatAsync);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = new Uri(address.EndsWith('/') ? address : address + "/");
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task ChatAsync(HttpContext context)
    {
        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
        }
        catch (JsonException ex)
        {
            await ErrorAsync(context, 400, context.Request.ContentLength == 0 ? "missing request body" : ex.Message);
            return;
        }

        if (body is null)
        {
            await ErrorAsync(context, 400, "missing request body");
            return;
        }

        ChatRequests.Enqueue(body);
        var model = body["model"]?.GetValue<string>();
        if (string.IsNullOrEmpty(model))
        {
            await ErrorAsync(context, 400, "model is required");
            return;
        }

        var fullName = model.Contains(':', StringComparison.Ordinal) ? model : model + ":latest";
        if (!Models.Contains(fullName) && !Models.Contains(model))
        {
            await ErrorAsync(context, 404, $"model '{model}' not found");
            return;
        }

        var stream = body["stream"]?.GetValue<bool>() ?? true;
        if (body["messages"] is not JsonArray { Count: > 0 })
        {
            var unload = body["keep_alive"]?.ToString() is "0" or "0s";
            await context.Response.WriteAsJsonAsync(OllamaShapes.Final(model, "", unload ? "unload" : "load"), context.RequestAborted);
            return;
        }

        var answer = Answer(body);
        if (!stream)
        {
            await context.Response.WriteAsJsonAsync(OllamaShapes.Final(model, answer, "stop"), context.RequestAborted);
            return;
        }

        await StreamAsync(context, model, answer);
    }

    private async Task StreamAsync(HttpContext context, string model, string answer)
    {
        context.Response.ContentType = "application/x-ndjson";
        var tokens = OllamaTokens.Split(answer);
        var sent = 0;
        try
        {
            if (FirstTokenDelay > TimeSpan.Zero)
            {
                await Task.Delay(FirstTokenDelay, context.RequestAborted);
            }

            for (var i = 0; i < tokens.Count; i++)
            {
                if (FailAfterTokens is { } failAt && i == failAt)
                {
                    await WriteLineAsync(context, new JsonObject { ["error"] = "llama runner process has terminated: signal: killed" });
                    return;
                }

                if (StallAfterTokens is { } stallAt && i == stallAt)
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
                }

                if (i > 0 && TokenDelay > TimeSpan.Zero)
                {
                    await Task.Delay(TokenDelay, context.RequestAborted);
                }

                await WriteLineAsync(context, new JsonObject
                {
                    ["model"] = model,
                    ["created_at"] = DateTime.UtcNow.ToString("O"),
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = tokens[i] },
                    ["done"] = false,
                });
                sent++;
            }

            await WriteLineAsync(context, OllamaShapes.Final(model, "", "stop", tokens.Count));
            if (context.RequestAborted.IsCancellationRequested)
            {
                // Kestrel may accept the last writes into its buffers after the client has gone: not a completed stream.
                Aborted(sent, tokens.Count);
                return;
            }

            Interlocked.Increment(ref CompletedStreams);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
        {
            Aborted(sent, tokens.Count);
        }
    }

    private void Aborted(int sent, int total)
    {
        Interlocked.Increment(ref AbortedStreams);
        if (sent > 0)
        {
            AbortedMidStream.Enqueue((sent, total));
        }
    }

    private static async Task WriteLineAsync(HttpContext context, JsonObject line)
    {
        await context.Response.WriteAsync(line.ToJsonString() + "\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private static async Task ErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { error = message }, context.RequestAborted);
    }
}
