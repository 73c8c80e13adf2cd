using Jarvis.Rig.Measure;

namespace Jarvis.Rig.Scenarios;

/// <summary>Mouth-to-ear through Jarvis and for the direct client in the same run, and the satellite's jitter buffer.</summary>
public sealed record LatencyResult(
    string Scenario,
    LatencySummary Jarvis,
    LatencySummary Direct,
    int Missing,
    double JitterP50,
    double JitterMax,
    string JitterTimeline,
    string Load)
{
    /// <summary>Through-Jarvis p95 minus the direct client's p95 (ms).</summary>
    public double DifferenceP95 => Jarvis.P95 - Direct.P95;

    /// <summary>Where mouth-to-ear went through Jarvis (<see cref="Stages.Summary"/>).</summary>
    public string JarvisStages { get; init; } = "";

    /// <summary>The satellite's measured downlink arrival jitter (RFC 3550, ms), p50 over the conversation.</summary>
    public double ArrivalJitterP50 { get; init; } = double.NaN;

    /// <summary>The satellite's jitter-buffer target over time, as <see cref="JitterTimeline"/>.</summary>
    public string TargetTimeline { get; init; } = "";

    /// <summary>Each phrase: when it was said (s into the run), mouth-to-ear through Jarvis with its stages, and direct.</summary>
    public IReadOnlyList<string> PhraseLines { get; init; } = [];

    /// <summary>Where mouth-to-ear went for the direct client.</summary>
    public string DirectStages { get; init; } = "";

    public override string ToString() =>
        $"{Scenario}: Jarvis {Jarvis}, direct {Direct}, p95 difference {DifferenceP95:0} ms, no reply {Missing}, " +
        $"jitter buffer p50 {JitterP50:0} / max {JitterMax:0} ms (arrival jitter p50 {ArrivalJitterP50:0.0} ms), load average {Load}; stages through Jarvis: {JarvisStages}; direct: {DirectStages}";
}
