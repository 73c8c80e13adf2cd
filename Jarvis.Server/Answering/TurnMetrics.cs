using System.Globalization;
using System.Text;

namespace Jarvis.Server.Answering;

/// <summary>
/// Cumulative Prometheus histograms of the turn stages (end of speech → transcript, → first token, → first audio;
/// first sentence → first audio) by mode, and turn counts by mode, route, handling and interruption. Fed by <see cref="TurnLog"/>.
/// </summary>
public sealed class TurnMetrics
{
    private static readonly double[] Buckets = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10];
    private static readonly string[] Stages = ["transcript", "first_token", "first_audio", "sentence_to_audio"];

    private readonly Dictionary<(string Stage, string Mode), (long[] Counts, long Count, double Sum)> _histograms = [];
    private readonly Dictionary<string, long> _turns = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public void Record(TurnRecord turn)
    {
        var mode = turn.Mode.ToString().ToLowerInvariant();
        lock (_lock)
        {
            var labels = TurnLabels(turn);
            _turns[labels] = _turns.GetValueOrDefault(labels) + 1;
            Observe("transcript", mode, turn.EndOfSpeechToTranscript);
            Observe("first_token", mode, turn.EndOfSpeechToFirstToken);
            Observe("first_audio", mode, turn.EndOfSpeechToFirstAudio);
            Observe("sentence_to_audio", mode, turn.FirstSentenceToFirstAudio);
        }
    }

    /// <summary>Appends the metrics in Prometheus text format (for the hub's /metrics).</summary>
    public void WriteTo(StringBuilder output)
    {
        lock (_lock)
        {
            output.Append("# HELP jarvis_turn_stage_seconds Latency of each conversation stage, from the end of speech (sentence_to_audio: first LLM sentence to first audio).\n");
            output.Append("# TYPE jarvis_turn_stage_seconds histogram\n");
            foreach (var ((stage, mode), (counts, count, sum)) in _histograms.OrderBy(h => Array.IndexOf(Stages, h.Key.Stage)).ThenBy(h => h.Key.Mode, StringComparer.Ordinal))
            {
                var labels = $"stage=\"{stage}\",mode=\"{mode}\"";
                for (var i = 0; i < Buckets.Length; i++)
                {
                    output.Append(CultureInfo.InvariantCulture, $"jarvis_turn_stage_seconds_bucket{{{labels},le=\"{Buckets[i]}\"}} {counts[i]}\n");
                }

                output.Append(CultureInfo.InvariantCulture, $"jarvis_turn_stage_seconds_bucket{{{labels},le=\"+Inf\"}} {count}\n");
                output.Append(CultureInfo.InvariantCulture, $"jarvis_turn_stage_seconds_sum{{{labels}}} {sum}\n");
                output.Append(CultureInfo.InvariantCulture, $"jarvis_turn_stage_seconds_count{{{labels}}} {count}\n");
            }

            output.Append("# HELP jarvis_turns_total Conversation turns by mode, route (home, fast, deep, cached, rating, ignored, none), handling (passed, home, canned, rating, llm, cached, ignored, none) and interruption.\n");
            output.Append("# TYPE jarvis_turns_total counter\n");
            foreach (var (labels, n) in _turns.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                output.Append(CultureInfo.InvariantCulture, $"jarvis_turns_total{{{labels}}} {n}\n");
            }
        }
    }

    private void Observe(string stage, string mode, TimeSpan? value)
    {
        if (value is not { } v)
        {
            return;
        }

        var (counts, count, sum) = _histograms.GetValueOrDefault((stage, mode), (new long[Buckets.Length], 0, 0));
        var seconds = v.TotalSeconds;
        for (var i = 0; i < Buckets.Length; i++)
        {
            if (seconds <= Buckets[i])
            {
                counts[i]++;
            }
        }

        _histograms[(stage, mode)] = (counts, count + 1, sum + seconds);
    }

    /// <summary>The Prometheus labels of a turn's count, the same in <c>jarvis_turns_total</c> and <c>jarvis_conversation_turns_total</c>.</summary>
    public static string TurnLabels(TurnRecord turn) =>
        $"mode=\"{turn.Mode.ToString().ToLowerInvariant()}\",route=\"{turn.Route}\",handling=\"{turn.Handling}\",interrupted=\"{(turn.Interrupted ? "true" : "false")}\"";
}
