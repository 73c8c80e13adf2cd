using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Jarvis.Bench;

/// <summary>
/// CPU seconds per second of audio for benchmarks whose operation processes one 20 ms frame:
/// mean time per operation / 20 ms (0.01 = 1 % of one core in real time).
/// </summary>
public sealed class RealTimeFactorColumn : IColumn
{
    private const double FrameNanoseconds = 20_000_000;

    public string Id => nameof(RealTimeFactorColumn);

    public string ColumnName => "RTF (CPU s / audio s)";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Mean time per 20 ms frame divided by 20 ms";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return mean is null ? "-" : (mean.Value / FrameNanoseconds).ToString("F4", System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
