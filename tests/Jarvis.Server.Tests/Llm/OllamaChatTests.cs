using System.Text.Json.Nodes;
using Jarvis.Server.Llm;
using Jarvis.Server.Tests.Emulators;
using Jarvis.Server.Tests.Emulators.Ollama;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OllamaSharp;

namespace Jarvis.Server.Tests.Llm;

public sealed class OllamaChatTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly OllamaEmulator _ollama = new();
    private OllamaOptions _options = new();

    public async Task InitializeAsync()
    {
        await _ollama.StartAsync();
        _options = new OllamaOptions { Url = _ollama.Url, Model = "llama3.1:8b", KeepAlive = "-1", HistoryTurns = 2 };
    }

    public async Task DisposeAsync() => await _ollama.DisposeAsync();

    private OllamaChat Chat(TimeProvider? time = null, Uri? url = null) => new(
        new OllamaApiClient(OllamaHttpClient.Create(url ?? _ollama.Url)),
        new ConversationHistory(),
        new FixedOptionsMonitor<OllamaOptions>(_options),
        time ?? TimeProvider.System,
        NullLogger<OllamaChat>.Instance);

    private static async Task<List<AnswerToken>> Collect(IAsyncEnumerable<AnswerToken> tokens) =>
        await tokens.ToListAsync().AsTask().WaitAsync(Deadline);

    [Fact]
    public async Task Streams_the_answer_token_by_token_with_persona_model_and_keep_alive()
    {
        _ollama.Answer = _ => "Quantum physics describes very small things. It is strange.";

        var tokens = await Collect(Chat().StreamAnswerAsync("kitchen", "Explain quantum physics", CancellationToken.None));

        Assert.True(tokens.Count > 5);
        Assert.Equal("Quantum physics describes very small things. It is strange.", string.Concat(tokens.Select(t => t.Text)));
        Assert.DoesNotContain(tokens, t => t.IsFallback);
        var request = Assert.Single(_ollama.ChatRequests);
        Assert.Equal("llama3.1:8b", request["model"]!.GetValue<string>());
        Assert.Equal("-1", request["keep_alive"]!.ToString());
        var messages = request["messages"]!.AsArray();
        Assert.Equal("system", messages[0]!["role"]!.GetValue<string>());
        Assert.Equal("Explain quantum physics", messages[^1]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task History_is_per_room_and_bounded()
    {
        var chat = Chat();
        var n = 0;
        _ollama.Answer = _ => $"Answer {++n}.";

        foreach (var q in new[] { "q1", "q2", "q3" })
        {
            await Collect(chat.StreamAnswerAsync("kitchen", q, CancellationToken.None));
        }

        await Collect(chat.StreamAnswerAsync("kitchen", "q4", CancellationToken.None));
        await Collect(chat.StreamAnswerAsync("office", "other", CancellationToken.None));

        var kitchen = _ollama.ChatRequests.ElementAt(3)["messages"]!.AsArray().Select(m => m!["content"]!.GetValue<string>()).ToList();
        Assert.Equal(["q2", "Answer 2.", "q3", "Answer 3.", "q4"], kitchen.Skip(1));
        Assert.Equal(2, _ollama.ChatRequests.Last()["messages"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_model_that_is_not_pulled_gives_a_spoken_apology()
    {
        _options.Model = "missing-model:7b";

        var tokens = await Collect(Chat().StreamAnswerAsync("kitchen", "why is the sky blue", CancellationToken.None));

        var token = Assert.Single(tokens);
        Assert.True(token.IsFallback);
        Assert.Equal(Apologies.Unavailable, token.Text);
    }

    [Fact]
    public async Task An_error_line_mid_stream_ends_with_an_apology_and_is_not_remembered()
    {
        var chat = Chat();
        _ollama.Answer = _ => "One two three four five six seven eight.";
        _ollama.FailAfterTokens = 3;

        var tokens = await Collect(chat.StreamAnswerAsync("kitchen", "count", CancellationToken.None));
        _ollama.FailAfterTokens = null;
        await Collect(chat.StreamAnswerAsync("kitchen", "again", CancellationToken.None));

        Assert.Equal(4, tokens.Count);
        Assert.Equal(Apologies.CutShort, tokens[^1].Text);
        Assert.True(tokens[^1].IsFallback);
        Assert.Equal(2, _ollama.ChatRequests.Last()["messages"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_unreachable_server_gives_a_spoken_apology()
    {
        var tokens = await Collect(Chat(url: new Uri("http://127.0.0.1:9/")).StreamAnswerAsync("kitchen", "hello", CancellationToken.None));

        Assert.Equal(Apologies.Unavailable, Assert.Single(tokens).Text);
    }

    [Fact]
    public async Task A_stalled_first_token_times_out_into_an_apology()
    {
        var time = new FakeTimeProvider();
        _options.FirstTokenTimeout = TimeSpan.FromSeconds(5);
        _ollama.FirstTokenDelay = TimeSpan.FromMinutes(5);

        var pending = Collect(Chat(time).StreamAnswerAsync("kitchen", "hello", CancellationToken.None));
        await Eventually(() => _ollama.ChatRequests.Count == 1);
        time.Advance(TimeSpan.FromSeconds(6));
        var tokens = await pending;

        Assert.Equal(Apologies.Unavailable, Assert.Single(tokens).Text);
    }

    [Fact]
    public async Task A_stall_between_two_tokens_times_out_into_an_apology_and_aborts_the_request()
    {
        var time = new FakeTimeProvider();
        _options.FirstTokenTimeout = TimeSpan.FromSeconds(5);
        _ollama.Answer = _ => "One two three four five six seven eight.";
        _ollama.StallAfterTokens = 3;
        var tokens = new List<AnswerToken>();

        await using (var stream = Chat(time).StreamAnswerAsync("kitchen", "count", CancellationToken.None).GetAsyncEnumerator())
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.True(await stream.MoveNextAsync().AsTask().WaitAsync(Deadline));
                tokens.Add(stream.Current);
            }

            // The model has stalled: this read is pending (a timeout before it would end the stream at its start instead).
            var next = stream.MoveNextAsync().AsTask();
            Assert.False(next.IsCompleted);
            time.Advance(TimeSpan.FromSeconds(6));
            while (await next.WaitAsync(Deadline))
            {
                tokens.Add(stream.Current);
                next = stream.MoveNextAsync().AsTask();
            }
        }

        Assert.Equal(4, tokens.Count);
        Assert.Equal(Apologies.CutShort, tokens[^1].Text);
        Assert.True(tokens[^1].IsFallback);
        await Eventually(() => !_ollama.AbortedMidStream.IsEmpty);
        Assert.Equal(3, Assert.Single(_ollama.AbortedMidStream).Sent);
    }

    [Fact]
    public async Task Cancelling_stops_the_stream_at_once_and_aborts_the_request()
    {
        _ollama.Answer = _ => string.Join(' ', Enumerable.Repeat("word", 200)) + ".";
        _ollama.TokenDelay = TimeSpan.FromMilliseconds(20);
        using var cts = new CancellationTokenSource();
        var received = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Chat().StreamAnswerAsync("kitchen", "talk", cts.Token))
            {
                if (++received == 3)
                {
                    await cts.CancelAsync();
                }
            }
        });

        Assert.Equal(3, received);
        await Eventually(() => Volatile.Read(ref _ollama.AbortedStreams) == 1);
    }

    [Fact]
    public async Task Cancelling_while_the_model_is_slow_between_two_tokens_aborts_the_request_at_once()
    {
        var answer = string.Join(' ', Enumerable.Repeat("word", 200)) + ".";
        _ollama.Answer = _ => answer;
        _ollama.StallAfterTokens = 3;
        using var cts = new CancellationTokenSource();
        var received = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await using var tokens = Chat().StreamAnswerAsync("kitchen", "talk", cts.Token).GetAsyncEnumerator();
            while (await tokens.MoveNextAsync().AsTask().WaitAsync(Deadline))
            {
                if (++received == 3)
                {
                    // The model has stalled: nothing arrives until the request is aborted.
                    cts.CancelAfter(TimeSpan.FromMilliseconds(100));
                }
            }
        });

        Assert.Equal(3, received);
        await Eventually(() => !_ollama.AbortedMidStream.IsEmpty);
        Assert.Equal((3, OllamaTokens.Split(answer).Count), Assert.Single(_ollama.AbortedMidStream));
        Assert.Equal(0, _ollama.CompletedStreams);
    }

    [Fact]
    public async Task Readiness_reports_the_version_and_a_missing_model()
    {
        var client = new OllamaApiClient(new HttpClient { BaseAddress = _ollama.Url });
        var readiness = new OllamaReadiness(client, new FixedOptionsMonitor<OllamaOptions>(_options));

        var up = await readiness.CheckAsync(CancellationToken.None);
        _options.Model = "nope";
        var missing = await readiness.CheckAsync(CancellationToken.None);

        Assert.True(up.Ready);
        Assert.Contains("0.11.4", up.Detail);
        Assert.False(missing.Ready);
        Assert.Contains("ollama pull nope", missing.Detail);
    }

    [Fact]
    public async Task Warm_up_loads_the_model_with_keep_alive()
    {
        var client = new OllamaApiClient(new HttpClient { BaseAddress = _ollama.Url });
        var warmup = new OllamaWarmup(client, new FixedOptionsMonitor<OllamaOptions>(_options), TimeProvider.System, NullLogger<OllamaWarmup>.Instance);

        await warmup.StartAsync(CancellationToken.None);
        await Eventually(() => !_ollama.ChatRequests.IsEmpty);
        await warmup.StopAsync(CancellationToken.None);

        var request = Assert.Single(_ollama.ChatRequests);
        Assert.Empty(request["messages"]!.AsArray());
        Assert.Equal("-1", request["keep_alive"]!.ToString());
    }

    [Fact]
    public void Warm_up_retries_less_and_less_often_while_Ollama_is_away()
    {
        var delays = new List<TimeSpan> { OllamaWarmup.FirstRetryDelay };
        while (delays.Count < 8)
        {
            delays.Add(OllamaWarmup.NextRetryDelay(delays[^1]));
        }

        Assert.Equal([30, 60, 120, 240, 480, 600, 600, 600], delays.Select(d => d.TotalSeconds));
    }

    [Fact]
    public async Task Warm_up_warns_once_while_Ollama_stays_away_and_loads_the_model_when_it_comes()
    {
        var time = new FakeTimeProvider();
        var handler = new AwayThenBackHandler(failures: 3);
        var client = new OllamaApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1:11434") });
        using var logs = new HomeAssistant.CollectingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        var warmup = new OllamaWarmup(client, new FixedOptionsMonitor<OllamaOptions>(_options), time, factory.CreateLogger<OllamaWarmup>());

        await warmup.StartAsync(CancellationToken.None);
        await Eventually(() => handler.Calls == 1 && logs.Entries.Count == 1);
        time.Advance(OllamaWarmup.FirstRetryDelay);
        await Eventually(() => handler.Calls == 2);
        time.Advance(OllamaWarmup.NextRetryDelay(OllamaWarmup.FirstRetryDelay));
        await Eventually(() => handler.Calls == 3);
        time.Advance(TimeSpan.FromSeconds(120));
        await Eventually(() => handler.Calls == 4 && warmup.ExecuteTask is { IsCompleted: true });
        await warmup.StopAsync(CancellationToken.None);

        var warning = Assert.Single(logs.Entries);
        Assert.Contains("Connection refused", warning.Message, StringComparison.Ordinal);
        Assert.Equal(TaskStatus.RanToCompletion, warmup.ExecuteTask!.Status);
    }

    /// <summary>Refuses the connection for the first <c>failures</c> requests, then answers as Ollama does to a load request.</summary>
    private sealed class AwayThenBackHandler(int failures) : HttpMessageHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) <= failures)
            {
                throw new HttpRequestException("Connection refused (127.0.0.1:11434)");
            }

            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new StringContent(
                    """{"model":"llama3.1:8b","created_at":"2026-12-05T12:00:00Z","message":{"role":"assistant","content":""},"done_reason":"load","done":true}""",
                    System.Text.Encoding.UTF8, "application/json"),
            });
        }
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "condition not met in time");
            await Task.Delay(10);
        }
    }
}
