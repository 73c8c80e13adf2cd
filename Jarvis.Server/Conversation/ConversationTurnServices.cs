using Jarvis.Server.Duplex;
using Jarvis.Server.Answering;
using Jarvis.Server.Satellites;
using Jarvis.Server.Speech;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Conversation;

/// <summary>What every room listener uses, resolved once.</summary>
public sealed class ConversationTurnServices(
    AnswerTurn turn,
    ISpeechRecognizer recognizer,
    SatelliteRoomAudio roomAudio,
    DuplexRouter duplex,
    ConversationStageMetrics metrics,
    IOptions<ConversationTurnOptions> options,
    TimeProvider time,
    ILoggerFactory loggers)
{
    public AnswerTurn Turn { get; } = turn;

    public ISpeechRecognizer Recognizer { get; } = recognizer;

    public SatelliteRoomAudio RoomAudio { get; } = roomAudio;

    public DuplexRouter Duplex { get; } = duplex;

    public ConversationStageMetrics Metrics { get; } = metrics;

    public ConversationTurnOptions Options { get; } = options.Value;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = loggers.CreateLogger("Jarvis.Server.Conversation.RoomListener");
}
