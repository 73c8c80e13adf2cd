using Jarvis.Server.Conversation;
using Jarvis.Server.HomeAssistant;
using Jarvis.Server.Llm;
using Jarvis.Server.Routing;
using Jarvis.Server.Speech;

namespace Jarvis.Server.Answering;

/// <summary>
/// Answers one transcript, without the hub: rating? → the home engine first (every transcript) → for what it did not take,
/// the router: canned reply, cached answer or Ollama → TTS → room. How a home outcome is heard depends on the mode
/// (<see cref="HomeVoice"/>). In duplex mode fast turns the engine did not take are left to PersonaPlex, and a deep
/// question is spoken after a flush that cuts PersonaPlex's audio in the room. Cancelling the token is the user
/// interrupting: playback is flushed at once. Every turn is recorded with its stage latencies in <see cref="TurnLog"/>.
/// </summary>
public sealed class AnswerTurn(
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
        var transcript = await recognition.FinishAsync(cancellationToken).ConfigureAwait(false);
        return await RunAsync(new TurnRequest(room, transcript, mode, endOfSpeechAt, timeProvider.GetTimestamp()), sink, cancellationToken).ConfigureAwait(false);
    }

    public async Task<TurnRecord> RunAsync(TurnRequest request, IRoomAudioSink sink, CancellationToken cancellationToken)
    {
        var start = timeProvider.GetTimestamp();
        var timing = new TimingRoomSink(sink, timeProvider);
        var progress = new AnswerProgress();
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
            record = await HandleAsync(request, record, timing, progress, cancellationToken).ConfigureAwait(false);
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
            Spoke = timing.Packets > 0,
            Fallback = progress.IsFallback,
            EndOfSpeechToTranscript = Between(request.EndOfSpeechAt, request.TranscriptAt),
            EndOfSpeechToFirstToken = Between(endOfSpeech, progress.FirstTokenAt),
            EndOfSpeechToFirstAudio = Between(endOfSpeech, timing.FirstPacketAt),
            FirstSentenceToFirstAudio = Between(progress.FirstSentenceAt, timing.FirstPacketAt),
            Total = timeProvider.GetElapsedTime(endOfSpeech),
        };
        turns.Add(record);
        logger.LogInformation(
            "Turn {Id} room {Room} {Mode} {Handling} ({Route} {Score:0.00}): to transcript {Transcript} ms, first token {Token} ms, first audio {Audio} ms",
            record.Id, record.Room, record.Mode, record.Handling, record.Route, record.Score,
            record.EndOfSpeechToTranscript?.TotalMilliseconds, record.EndOfSpeechToFirstToken?.TotalMilliseconds, record.EndOfSpeechToFirstAudio?.TotalMilliseconds);
        return record;
    }

    private async Task<TurnRecord> HandleAsync(TurnRequest request, TurnRecord record, IRoomAudioSink sink, AnswerProgress progress, CancellationToken cancellationToken)
    {
        var speakReplies = request.Mode == TurnMode.Pipeline;
        if (RatingParser.TryParse(request.Transcript, out var stars))
        {
            await ratings.RateAsync(request.Room, stars, "voice", cancellationToken).ConfigureAwait(false);
            var thanks = $"Thanks, I noted {stars} out of 5.";
            if (speakReplies)
            {
                await speech.SpeakTextAsync(thanks, sink, cancellationToken).ConfigureAwait(false);
            }

            return record with { Handling = "rating", AnswerText = thanks };
        }

        var outcome = await home.HandleAsync(new HomeRequest(request.Transcript, request.Room, speakReplies, request.EndOfSpeechAt), cancellationToken).ConfigureAwait(false);
        if (outcome.Handled)
        {
            record = record with { Handling = "home", Home = HomeKind(outcome), AnswerText = outcome.Speech };
            await homeVoice.SayAsync(outcome, request.Mode, sink, cancellationToken).ConfigureAwait(false);
            return record;
        }

        var decision = router.Decide(request.Transcript);
        record = record with { Route = decision.Route == QueryRoute.Deep ? "deep" : "fast", Score = decision.Score };
        if (decision.Route == QueryRoute.Fast && !speakReplies)
        {
            return record;
        }

        if (decision.Route == QueryRoute.Fast && ChitChatReplies.TryReply(request.Transcript) is { } canned)
        {
            await speech.SpeakTextAsync(canned, sink, cancellationToken).ConfigureAwait(false);
            return record with { Handling = "canned", AnswerText = canned };
        }

        if (!speakReplies)
        {
            // Handoff: cut PersonaPlex's audio in the room before the deep answer starts.
            await sink.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        if (cache.TryGet(request.Transcript, out var cached))
        {
            progress.FirstTokenAt = timeProvider.GetTimestamp();
            await cached.Audio.ReplayAsync(sink, cancellationToken).ConfigureAwait(false);
            return record with { Handling = "cached", AnswerText = cached.Text };
        }

        var recording = new OpusRecording();
        await speech.SpeakAnswerAsync(llm.StreamAnswerAsync(request.Room, request.Transcript, cancellationToken), sink, progress, recording, cancellationToken).ConfigureAwait(false);
        if (!progress.IsFallback && decision.Route == QueryRoute.Deep)
        {
            cache.Store(request.Transcript, progress.Text, recording);
        }

        return record with { Handling = "llm", AnswerText = progress.Text };
    }

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
}
