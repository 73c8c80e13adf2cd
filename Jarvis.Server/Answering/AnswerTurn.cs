using Jarvis.Server.Conversation;
using Jarvis.Server.HomeAssistant;
using Jarvis.Server.Llm;
using Jarvis.Server.Routing;
using Jarvis.Server.Speech;
using Jarvis.Server.Speech.Transcripts;

namespace Jarvis.Server.Answering;

/// <summary>
/// Answers one transcript, without the hub: a transcript that carries no request (<see cref="TranscriptFilter"/>: empty,
/// fillers, "[music]", a recogniser hallucination such as "Thank you.") is recorded as ignored and nothing else happens; else
/// rating? → the home engine first (every transcript) → for what it did not take,
/// the router: canned reply, cached answer or Ollama → TTS → room. How a home outcome is heard depends on the mode
/// (<see cref="HomeVoice"/>). In duplex mode fast turns the engine did not take are left to PersonaPlex, and a deep
/// question is spoken after a flush that cuts PersonaPlex's audio in the room. Cancelling the token is the user
/// interrupting: playback is flushed at once. Every turn is recorded with its stage latencies in <see cref="TurnLog"/>.
/// </summary>
public sealed partial class AnswerTurn(
    TranscriptFilter filter,
    IQueryRouter router,
    IHomeEngine home,
    HomeVoice homeVoice,
    ILlmChat llm,
    RoomSpeech speech,
    AnswerCache cache,
    RatingStore ratings,
    TurnLog turns,
    TimeProvider timeProvider,
    ILogger<AnswerTurn> logger)
{
    public RouteDecision Decide(string transcript) => router.Decide(transcript);

    /// <summary>Finishes a recognition that the caller fed with the turn's audio, then runs the turn on its transcript.</summary>
    public async Task<TurnRecord> RunSpokenAsync(string room, ISpeechRecognition recognition, TurnMode mode, long endOfSpeechAt, IRoomAudioSink sink, CancellationToken cancellationToken)
    {
        var heard = await recognition.FinishAsync(cancellationToken).ConfigureAwait(false);
        return await RunAsync(new TurnRequest(room, heard.Text, mode, endOfSpeechAt, timeProvider.GetTimestamp(), heard.Confidence), sink, cancellationToken).ConfigureAwait(false);
    }

    public async Task<TurnRecord> RunAsync(TurnRequest request, IRoomAudioSink sink, CancellationToken cancellationToken)
    {
        var start = timeProvider.GetTimestamp();
        var timing = new TimingRoomSink(sink, timeProvider);
        var progress = new AnswerProgress();
        var decisions = new TurnDecisions();
        var record = new TurnRecord
        {
            Id = Guid.NewGuid().ToString("N")[..12],
            Room = request.Room,
            Mode = request.Mode,
            Transcript = request.Transcript,
            StartedAt = timeProvider.GetUtcNow(),
        };

        try
        {
            switch (filter.Check(new RecognizedSpeech(request.Transcript, request.Confidence)))
            {
                case SpokenRequest spoken:
                    await HandleAsync(request with { Transcript = spoken.Text }, decisions, timing, progress, cancellationToken).ConfigureAwait(false);
                    break;
                case NoRequest ignored:
                    // Silence, a cough heard as "Thank you.": no answer and no backend call; the voice has still interrupted.
                    decisions.Set(TurnRoutes.Ignored, TurnRoutes.Ignored);
                    decisions.IgnoredBecause = ignored.Describe();
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            record = record with { Interrupted = true };
            await FlushQuietlyAsync(sink).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Turn in room {Room} failed: {Transcript}", request.Room, request.Transcript);
            record = record with { Error = ex.Message };
        }

        var endOfSpeech = request.EndOfSpeechAt ?? start;
        record = record with
        {
            Route = decisions.Route,
            Score = decisions.Score,
            Handling = decisions.Handling,
            Home = decisions.Home,
            AnswerText = decisions.AnswerText ?? (progress.Text.Length > 0 ? progress.Text : null),
            IgnoredBecause = decisions.IgnoredBecause,
            Spoke = timing.Packets > 0,
            Fallback = progress.IsFallback,
            EndOfSpeechToTranscript = Between(request.EndOfSpeechAt, request.TranscriptAt),
            EndOfSpeechToFirstToken = Between(endOfSpeech, progress.FirstTokenAt),
            EndOfSpeechToFirstAudio = Between(endOfSpeech, timing.FirstPacketAt),
            FirstSentenceToFirstAudio = Between(progress.FirstSentenceAt, timing.FirstPacketAt),
            Total = timeProvider.GetElapsedTime(endOfSpeech),
        };
        turns.Add(record);
        LogTurn(record);
        return record;
    }

    private async Task HandleAsync(TurnRequest request, TurnDecisions decisions, IRoomAudioSink sink, AnswerProgress progress, CancellationToken cancellationToken)
    {
        var speakReplies = request.Mode == TurnMode.Pipeline;
        if (RatingParser.TryParse(request.Transcript, out var stars))
        {
            decisions.Set(TurnRoutes.Rating, TurnRoutes.Rating);
            await ratings.RateAsync(request.Room, stars, "voice", cancellationToken).ConfigureAwait(false);
            decisions.AnswerText = $"Thanks, I noted {stars} out of 5.";
            if (speakReplies)
            {
                await speech.SpeakTextAsync(decisions.AnswerText, sink, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var outcome = await home.HandleAsync(new HomeRequest(request.Transcript, request.Room, speakReplies, request.EndOfSpeechAt), cancellationToken).ConfigureAwait(false);
        if (outcome.Handled)
        {
            decisions.Set(TurnRoutes.Home, TurnRoutes.Home);
            decisions.Home = HomeKind(outcome);
            decisions.AnswerText = outcome.Speech;
            await homeVoice.SayAsync(outcome, request.Mode, sink, cancellationToken).ConfigureAwait(false);
            return;
        }

        var decision = router.Decide(request.Transcript);
        var deep = decision.Route == QueryRoute.Deep;
        decisions.Score = decision.Score;
        if (!deep && !speakReplies)
        {
            decisions.Set(TurnRoutes.Fast, TurnRoutes.Passed);
            return;
        }

        if (!deep && ChitChatReplies.TryReply(request.Transcript) is { } canned)
        {
            decisions.Set(TurnRoutes.Fast, TurnRoutes.Canned);
            decisions.AnswerText = canned;
            await speech.SpeakTextAsync(canned, sink, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (cache.TryGet(request.Transcript, out var cached))
        {
            decisions.Set(TurnRoutes.Cached, TurnRoutes.Cached);
            decisions.AnswerText = cached.Text;
            await HandOffAsync(speakReplies, sink, cancellationToken).ConfigureAwait(false);
            progress.FirstTokenAt = timeProvider.GetTimestamp();
            await cached.Audio.ReplayAsync(sink, cancellationToken).ConfigureAwait(false);
            return;
        }

        decisions.Set(deep ? TurnRoutes.Deep : TurnRoutes.Fast, TurnRoutes.Llm);
        await HandOffAsync(speakReplies, sink, cancellationToken).ConfigureAwait(false);
        var recording = new OpusRecording();
        await speech.SpeakAnswerAsync(llm.StreamAnswerAsync(request.Room, request.Transcript, cancellationToken), sink, progress, recording, cancellationToken).ConfigureAwait(false);
        decisions.AnswerText = progress.Text;
        if (!progress.IsFallback && deep)
        {
            cache.Store(request.Transcript, progress.Text, recording);
        }
    }

    /// <summary>Duplex mode: cut PersonaPlex's audio in the room before the deep answer starts.</summary>
    private static ValueTask HandOffAsync(bool speakReplies, IRoomAudioSink sink, CancellationToken cancellationToken) =>
        speakReplies ? ValueTask.CompletedTask : sink.FlushAsync(cancellationToken);

    private static string HomeKind(HomeOutcome outcome) => outcome switch
    {
        HomeDone => "done",
        HomeFailed => "failed",
        HomeAnswer => "answer",
        HomeDialogue dialogue => dialogue.Act.ToString().ToLowerInvariant(),
        _ => "none",
    };

    private TimeSpan? Between(long? from, long? to) =>
        from is { } a && to is { } b ? timeProvider.GetElapsedTime(a, b) : null;

    private async Task FlushQuietlyAsync(IRoomAudioSink sink)
    {
        try
        {
            await sink.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
        {
            logger.LogDebug(ex, "Flush after interruption failed in room {Room}", sink.Room);
        }
    }

    private void LogTurn(TurnRecord record)
    {
        if (record.IgnoredBecause is { } reason)
        {
            LogIgnored(record.Id, record.Room, record.Mode, reason, record.Transcript, record.Interrupted);
            return;
        }

        LogAnswered(record.Id, record.Room, record.Mode, record.Route, record.Handling, record.Score, record.Interrupted,
            record.EndOfSpeechToTranscript?.TotalMilliseconds, record.EndOfSpeechToFirstToken?.TotalMilliseconds,
            record.EndOfSpeechToFirstAudio?.TotalMilliseconds, record.Total?.TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Turn {Id} room {Room} {Mode} ignored ({Reason}): \"{Transcript}\", interrupted {Interrupted}")]
    private partial void LogIgnored(string id, string room, TurnMode mode, string reason, string transcript, bool interrupted);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Turn {Id} room {Room} {Mode} route {Route} handling {Handling} (score {Score:0.00}), interrupted {Interrupted}: to transcript {Transcript} ms, first token {Token} ms, first audio {Audio} ms, total {Total} ms")]
    private partial void LogAnswered(string id, string room, TurnMode mode, string route, string handling, double score, bool interrupted,
        double? transcript, double? token, double? audio, double? total);
}
