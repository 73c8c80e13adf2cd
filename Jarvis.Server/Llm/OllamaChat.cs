using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OllamaSharp;
using OllamaSharp.Models.Chat;
using OllamaSharp.Models.Exceptions;

namespace Jarvis.Server.Llm;

/// <summary>
/// Streaming chat with Ollama through OllamaSharp, with the persona system prompt and the room's bounded history.
/// Closes OllamaSharp's error gaps: a 404 (model not pulled) arrives as a bare <see cref="HttpRequestException"/>, an
/// <c>{"error":…}</c> line mid-stream as an item without a message and no <c>done:true</c>; both, and an unreachable
/// server or a stalled stream, end in a spoken apology instead of silence.
/// </summary>
public sealed class OllamaChat(
    IOllamaApiClient client,
    ConversationHistory history,
    IOptionsMonitor<OllamaOptions> options,
    TimeProvider timeProvider,
    ILogger<OllamaChat> logger) : ILlmChat
{
    public void ResetConversation(string room) => history.Reset(room);

    public async IAsyncEnumerable<AnswerToken> StreamAnswerAsync(string room, string question, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var request = new ChatRequest
        {
            Model = o.Model,
            Stream = true,
            KeepAlive = o.KeepAlive,
            Messages = [new Message(ChatRole.System, o.SystemPrompt), .. history.Messages(room), new Message(ChatRole.User, question)],
        };

        using var stall = new CancellationTokenSource(o.FirstTokenTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stall.Token);
        var answer = new StringBuilder();
        var done = false;
        string? failure = null;
        // OllamaSharp reads the streamed body without the token: bind it, so a stall between two tokens cannot outlive a
        // barge-in or the stall timeout (the request is sent from this flow at the first MoveNextAsync, before any yield).
        CancellableBodyHandler.BindBodyReads(linked.Token);
        var stream = client.ChatAsync(request, linked.Token).GetAsyncEnumerator(linked.Token);
        try
        {
            while (!done && failure is null)
            {
                ChatResponseStream? item;
                try
                {
                    if (!await stream.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    item = stream.Current;
                    linked.Token.ThrowIfCancellationRequested();
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex)
                {
                    failure = Describe(ex, o);
                    break;
                }

                if (item is null)
                {
                    continue;
                }

                if (item.Done)
                {
                    done = true;
                }
                else if (item.Message?.Content is not { } content)
                {
                    failure = "an error line in the middle of the stream";
                }
                else if (content.Length > 0)
                {
                    stall.CancelAfter(o.FirstTokenTimeout);
                    answer.Append(content);
                    yield return new AnswerToken(content);
                }
            }
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }

        // OllamaSharp may end the enumeration quietly when its token is cancelled: an interruption is not a failure to apologise for.
        cancellationToken.ThrowIfCancellationRequested();
        if (done)
        {
            history.Add(room, question, answer.ToString(), o.HistoryTurns);
            yield break;
        }

        logger.LogWarning("Ollama answer for room {Room} failed after {Characters} characters: {Reason}", room, answer.Length, failure ?? "the stream ended without done");
        yield return new AnswerToken(answer.Length == 0 ? Apologies.Unavailable : Apologies.CutShort, IsFallback: true);
    }

    private static string Describe(Exception ex, OllamaOptions o) => ex switch
    {
        HttpRequestException { StatusCode: HttpStatusCode.NotFound } =>
            $"model {o.Model} not found at {o.Url} (404): pull it with `ollama pull {o.Model}` or set Ollama:Model",
        HttpRequestException { StatusCode: { } status } => $"Ollama at {o.Url} answered {(int)status} {status}",
        HttpRequestException h => $"Ollama not reachable at {o.Url}: {h.Message}",
        OllamaException oe => $"Ollama rejected the request: {oe.Message}",
        OperationCanceledException => $"no token within {o.FirstTokenTimeout.TotalSeconds:0} s",
        JsonException or IOException => $"broken stream from Ollama: {ex.Message}",
        _ => $"unexpected {ex.GetType().Name}: {ex.Message}", // still an apology, never silence

    };
}
