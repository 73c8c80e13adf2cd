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

    public override string ToString() =>
        $"{Scenario}: Jarvis {Jarvis}, direct {Direct}, p95 difference {DifferenceP95:0} ms, no reply {Missing}, " +
        $"jitter buffer p50 {JitterP50:0} / max {JitterMax:0} ms, load average {Load}";
}
