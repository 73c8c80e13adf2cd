using System.Collections.Concurrent;
using Jarvis.Server.Pipeline;
using Jarvis.Server.Rooms;
using Jarvis.Server.Satellites;
using Jarvis.Server.Speech;

namespace Jarvis.Server.Duplex;

/// <summary>
/// Plugs the rooms into the speech pipeline: what the user says in the conversation's room is recognised and run as a
/// turn (<see cref="PipelineTurn"/>). In a PersonaPlex conversation only deep questions are answered here, after cutting
/// PersonaPlex's audio (the handoff), which comes back when the answer ends; in pipeline mode (configured, or PersonaPlex
/// unavailable) every turn is answered here. Speaking again interrupts the answer at once.
/// </summary>
public sealed partial class RoomTurns(
    ISpeechRecognizer recognizer,
    PipelineTurn turns,
    SatelliteRoomAudio audio,
    DuplexRouter router,
    ConversationCoordinator coordinator,
    ILogger<RoomTurns> logger) : IUplinkAudioSink, IRoomVoiceObserver, IHubCommandSink
{
    private readonly ConcurrentDictionary<string, RoomUtterance> _utterances = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _answers = new(StringComparer.Ordinal);

    public int Order => 20;

    public void OnVoice(SatelliteSession session, bool speaking, long timestamp)
    {
        var room = session.Room;
        if (!coordinator.IsConversing(room))
        {
            return;
        }

        if (speaking)
        {
            CancelAnswer(room);
            var utterance = new RoomUtterance(recognizer, (recognition, end) => RunTurnAsync(room, recognition, end), ex => LogRecognitionFailed(room, ex.Message));
            if (_utterances.TryGetValue(room, out var previous) && _utterances.TryUpdate(room, utterance, previous))
            {
                previous.Cancel();
            }
            else
            {
                _utterances[room] = utterance;
            }
        }
        else if (_utterances.TryRemove(room, out var finished))
        {
            finished.Finish(timestamp);
        }
    }

    public ValueTask OnUplinkAsync(SatelliteSession session, ReadOnlyMemory<byte> opusPacket, long receivedTimestamp, CancellationToken cancellationToken)
    {
        if (_utterances.TryGetValue(session.Room, out var utterance))
        {
            utterance.Enqueue(opusPacket.Span, receivedTimestamp);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask HandleAsync(HubCommand command, CancellationToken cancellationToken)
    {
        var leaving = command.Kind switch
        {
            HubCommandKind.End or HubCommandKind.StandDown => command.Room,
            HubCommandKind.Move => command.FromRoom,
            _ => null,
        };
        if (leaving is not null)
        {
            CancelAnswer(leaving);
            if (_utterances.TryRemove(leaving, out var utterance))
            {
                utterance.Cancel();
            }
        }

        return ValueTask.CompletedTask;
    }

    private async Task RunTurnAsync(string room, ISpeechRecognition recognition, long endOfSpeech)
    {
        using var answer = new CancellationTokenSource();
        CancelAnswer(room);
        _answers[room] = answer;
        var turnMode = router.HasModel(room) ? TurnMode.Duplex : TurnMode.Pipeline;
        IRoomAudioSink sink = audio.For(room);
        if (turnMode == TurnMode.Duplex)
        {
            sink = new HandoffSink(sink, router);
        }

        try
        {
            var record = await turns.RunSpokenAsync(room, recognition, turnMode, endOfSpeech, sink, answer.Token).ConfigureAwait(false);
            LogTurn(room, turnMode, record.Handling, record.Transcript);
        }
        catch (OperationCanceledException) when (answer.IsCancellationRequested)
        {
            // Interrupted.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogRecognitionFailed(room, ex.Message);
        }
        finally
        {
            _answers.TryRemove(new KeyValuePair<string, CancellationTokenSource>(room, answer));
            if (turnMode == TurnMode.Duplex)
            {
                router.CutModelAudio(room, cut: false);
            }

            await recognition.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void CancelAnswer(string room)
    {
        if (_answers.TryRemove(room, out var answer))
        {
            try
            {
                answer.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The turn ended meanwhile.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Turn in {Room} ({Mode}): {Handling} for \"{Transcript}\"")]
    private partial void LogTurn(string room, TurnMode mode, string handling, string transcript);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Speech in {Room} could not be handled: {Error}")]
    private partial void LogRecognitionFailed(string room, string error);
}
