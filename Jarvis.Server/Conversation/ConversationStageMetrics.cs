using Jarvis.Server.Answering;
using Jarvis.Server.Status;

namespace Jarvis.Server.Conversation;

/// <summary>
/// Each live turn's mode and stage latencies in the hub's <c>/metrics</c> and status page:
/// <c>jarvis_conversation_stage_seconds{stage,mode}</c> and <c>jarvis_conversation_turns_total{mode,route,handling,interrupted}</c>
/// (the same words as the turn log and <c>/api/turns</c>).
/// </summary>
public sealed class ConversationStageMetrics(MetricsRegistry metrics)
{
    private const string StageName = "jarvis_conversation_stage_seconds";
    private const string StageHelp = "Live conversation turn stages from the end of speech (transcript, first_token, first_audio) and first LLM sentence to first audio (sentence_to_audio), by mode.";

    public void Record(TurnRecord turn)
    {
        var mode = turn.Mode == TurnMode.Pipeline ? "pipeline" : "duplex";
        metrics.Counter("jarvis_conversation_turns_total",
            "Live conversation turns by mode, route (home, fast, deep, cached, rating, ignored, none), handling (passed, home, canned, rating, llm, cached, ignored, none) and interruption.",
            TurnLabels(turn)).Increment();
        Observe("transcript", mode, turn.EndOfSpeechToTranscript);
        Observe("first_token", mode, turn.EndOfSpeechToFirstToken);
        Observe("first_audio", mode, turn.EndOfSpeechToFirstAudio);
        Observe("sentence_to_audio", mode, turn.FirstSentenceToFirstAudio);
    }

    /// <summary>The Prometheus labels of a turn's count.</summary>
    public static string TurnLabels(TurnRecord turn) =>
        $"mode=\"{turn.Mode.ToString().ToLowerInvariant()}\",route=\"{turn.Route}\",handling=\"{turn.Handling}\",interrupted=\"{(turn.Interrupted ? "true" : "false")}\"";

    private void Observe(string stage, string mode, TimeSpan? value)
    {
        if (value is { } elapsed)
        {
            metrics.Histogram(StageName, StageHelp, $"stage=\"{stage}\",mode=\"{mode}\"").Observe(elapsed);
        }
    }
}
