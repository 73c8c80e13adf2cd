using Jarvis.Server.Answering;
using Jarvis.Server.HomeAssistant;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Rooms;
using Jarvis.Server.Satellites;
using Jarvis.Server.Speech;
using Jarvis.Server.Status;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Conversation;

/// <summary>What every live conversation uses (its PersonaPlex leg, its listening, its answers), resolved once.</summary>
public sealed class ConversationServices(
    AnswerTurn turn,
    ISpeechRecognizer recognizer,
    SatelliteRoomAudio roomAudio,
    SatelliteRegistry satellites,
    IPersonaPlexSessions personaPlex,
    ConversationCoordinator coordinator,
    IModelWordsListener modelWords,
    IHomeEngine home,
    HubMetrics hubMetrics,
    ConversationStageMetrics metrics,
    IOptions<ConversationTurnOptions> options,
    TimeProvider time,
    ILoggerFactory loggers)
{
    public AnswerTurn Turn { get; } = turn;

    public ISpeechRecognizer Recognizer { get; } = recognizer;

    public SatelliteRoomAudio RoomAudio { get; } = roomAudio;

    public SatelliteRegistry Satellites { get; } = satellites;

    public IPersonaPlexSessions PersonaPlex { get; } = personaPlex;

    public ConversationCoordinator Coordinator { get; } = coordinator;

    public IModelWordsListener ModelWords { get; } = modelWords;

    /// <summary>Whether a transcript heard at a pause is a whole home command (<see cref="IHomeEngine.IsCompleteCommand"/>).</summary>
    public IHomeEngine Home { get; } = home;

    public HubMetrics HubMetrics { get; } = hubMetrics;

    public ConversationStageMetrics Metrics { get; } = metrics;

    public ConversationTurnOptions Options { get; } = options.Value;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = loggers.CreateLogger("Jarvis.Server.Conversation");
}
