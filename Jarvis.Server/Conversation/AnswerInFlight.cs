using Jarvis.Server.Answering;
using Jarvis.Server.Speech;
using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Conversation;

/// <summary>
/// The answer in flight of a conversation: transcript → <see cref="AnswerTurn"/> (home engine, router, Ollama or cache, TTS) →
/// the room, through a <see cref="HandoffAudioSink"/> that gives the room back to PersonaPlex when it is over.
/// Cancelling it is the user interrupting: the turn flushes the room.
/// </summary>
internal sealed partial class AnswerInFlight
{
    private readonly CancellationTokenSource _cancel;
    private readonly HandoffAudioSink _sink;
    private readonly ILogger _logger;

    private AnswerInFlight(CancellationTokenSource cancel, HandoffAudioSink sink, ILogger logger)
    {
        _cancel = cancel;
        _sink = sink;
        _logger = logger;
        Completion = Task.CompletedTask;
    }

    public Task Completion { get; private set; }

    public bool Speaking => _sink.Speaking;

    public static AnswerInFlight Start(ConversationServices services, LiveConversation conversation, ISpeechRecognition recognition,
        long endOfSpeechAt, CancellationToken cancellationToken)
    {
        var sink = conversation.AudioSink();
        var answer = new AnswerInFlight(CancellationTokenSource.CreateLinkedTokenSource(cancellationToken), sink, services.Logger);
        answer.Completion = answer.RunAsync(services, sink.Room, conversation.Mode, recognition, endOfSpeechAt);
        return answer;
    }

    /// <summary>
    /// Stops the answer: no packet of it is sent any more, its work is cancelled (the LLM request aborted, synthesis
    /// stopped), what the satellite holds of it is flushed at once, then its task is awaited.
    /// </summary>
    public async Task CancelAsync()
    {
        _sink.StopSending();
        try
        {
            // Synchronously: a paced send waiting for its turn is cancelled before the flush below, so none lands after it.
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Finished meanwhile.
        }

        await _sink.FlushIfSpeakingAsync().ConfigureAwait(false);
        await Completion.ConfigureAwait(false);
    }

    private async Task RunAsync(ConversationServices services, string room, TurnMode mode, ISpeechRecognition recognition, long endOfSpeechAt)
    {
        await Task.Yield();
        try
        {
            var record = await services.Turn.RunSpokenAsync(room, recognition, mode, endOfSpeechAt, _sink, _cancel.Token).ConfigureAwait(false);
            services.Metrics.Record(record);
        }
        catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
        {
            // Interrupted before the transcript was ready.
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or WyomingProtocolException or TimeoutException)
        {
            LogTranscriptFailed(room, ex.Message);
        }
        finally
        {
            await recognition.DisposeAsync().ConfigureAwait(false);
            await _sink.DisposeAsync().ConfigureAwait(false);
            _cancel.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No transcript for the utterance in {Room}: {Error}")]
    private partial void LogTranscriptFailed(string room, string error);
}
