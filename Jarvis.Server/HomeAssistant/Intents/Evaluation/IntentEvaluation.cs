using Jarvis.Server.HomeAssistant.Model;
using Jarvis.Server.Timers.Grammar;

namespace Jarvis.Server.HomeAssistant.Intents.Evaluation;

/// <summary>Runs corpus sentences through the recogniser against a fixture home and scores them.</summary>
public sealed class IntentEvaluation
{
    private IntentEvaluation(IReadOnlyList<EvaluatedCase> cases) => Cases = cases;

    public IReadOnlyList<EvaluatedCase> Cases { get; }

    public int Correct => Cases.Count(c => c.Correct);

    public double Accuracy => Cases.Count == 0 ? 0 : (double)Correct / Cases.Count;

    public static IntentEvaluation Run(HomeSnapshot home, IEnumerable<CorpusCase> corpus)
    {
        var results = new List<EvaluatedCase>();
        foreach (var item in corpus)
        {
            var areaId = item.ContextArea is null ? null : home.AreaByName(item.ContextArea)?.Id;
            var match = Recognize(item.Sentence, home, areaId);
            var slots = match?.ToSlots(home) ?? [];
            var correct = SlotComparer.Matches(item, match?.Intent, slots, out var reason);
            results.Add(new EvaluatedCase(item, match?.Intent, slots, correct, reason));
        }

        return new IntentEvaluation(results);
    }

    /// <summary>
    /// As the server reads a sentence: the timer grammar first (the timers sit in front of the home engine), then the home
    /// engine's recognizer.
    /// </summary>
    public static IntentMatch? Recognize(string sentence, HomeSnapshot home, string? areaId) =>
        TimerGrammar.Match(sentence, home) is { } timer
            ? new IntentMatch(timer.Intent, IntentTarget.None) { Timer = timer }
            : IntentRecognizer.Recognize(sentence, home, areaId);
}

/// <summary>One scored sentence.</summary>
public sealed record EvaluatedCase(CorpusCase Case, string? Intent, IReadOnlyDictionary<string, object> Slots, bool Correct, string? Reason);
