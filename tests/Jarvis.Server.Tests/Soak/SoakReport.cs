using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Jarvis.Server.Tests.Soak;

/// <summary>What a soak measured: per fault kind, the household's conversations and the recoveries; Home Assistant calls
/// executed exactly once; the server's resources with their slope per hour; its warnings and errors, grouped.</summary>
public sealed partial class SoakReport
{
    private readonly SoakOptions _options;
    private readonly IReadOnlyList<SoakAttempt> _attempts;
    private readonly IReadOnlyList<SoakFault> _faults;
    private readonly IReadOnlyList<ResourceSample> _samples;

    internal SoakReport(SoakOptions options, IReadOnlyList<SoakAttempt> attempts, IReadOnlyList<SoakFault> faults, long[] calls,
        IReadOnlyList<ResourceSample> samples, IReadOnlyList<string> serverLines, int crashes, int restarts, TimeSpan elapsed)
    {
        _options = options;
        _attempts = attempts;
        _faults = faults;
        _samples = samples;
        Crashes = crashes;
        ServerRestarts = restarts;
        Elapsed = elapsed;
        (LostCalls, DuplicatedCalls, ExecutedButFailed, HomeDone) = CountCalls(attempts, calls);
        CallMismatches = DescribeCallMismatches(attempts, calls);
        LogGroups = serverLines
            .Where(l => l.StartsWith("warn:", StringComparison.Ordinal) || l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal))
            .GroupBy(l => Numbers().Replace(l, "#"))
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(g => g.Item2)
            .ToList();
    }

    public int Crashes { get; }

    public int ServerRestarts { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>Commands the server reported done that never reached Home Assistant.</summary>
    public int LostCalls { get; }

    /// <summary>Commands that reached Home Assistant more than once (each extra call).</summary>
    public int DuplicatedCalls { get; }

    /// <summary>For each home command whose calls were not exactly one (or none when it failed): when its calls came and what ran meanwhile.</summary>
    public IReadOnlyList<string> CallMismatches { get; }

    /// <summary>Commands that reached Home Assistant although the server did not report them done.</summary>
    public int ExecutedButFailed { get; }

    public int HomeDone { get; }

    public int Faults => _faults.Count;

    /// <summary>Faults whose part never came back or whose probe scene never worked within the recovery deadline.</summary>
    public IReadOnlyList<string> Unrecovered =>
        [.. _faults.Where(f => f.ReadyAt is null || (f.ProbeScene is not null && Probe(f) is null)).Select(f => f.Id)];

    public int AttemptsOutsideFaults => _attempts.Count(a => a.Faults.Count == 0 && a.DroppedBecause != "run ended");

    public IReadOnlyList<string> DropsOutsideFaults =>
        [.. _attempts.Where(a => a.Faults.Count == 0 && !a.Completed && a.DroppedBecause != "run ended").Select(a => $"{a.Scene} in {a.Room}: {a.DroppedBecause}")];

    public IReadOnlyList<(string Line, int Count)> LogGroups { get; }

    public string ToText()
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"soak: {Elapsed.TotalMinutes:0.0} min at rate {_options.Rate:0.#} (≈ {Elapsed.TotalHours * _options.Rate:0.0} household hours), seed {_options.Seed}, load {Load()}");
        text.AppendLine(invariant, $"server: {Crashes} crashes, {ServerRestarts} restarts (injected); {_attempts.Count} household events, {_faults.Count} faults");
        text.AppendLine();
        text.AppendLine("| fault kind | faults | events started | completed | dropped | server ready after repair (max) | next working event: start / done after repair (max) | recovered |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var kind in new[] { "none" }.Concat(SoakFaults.Kinds))
        {
            var attempts = _attempts.Where(a => a.DroppedBecause != "run ended" && (kind == "none" ? a.Faults.Count == 0 : a.Faults.Contains(kind))).ToList();
            var faults = _faults.Where(f => f.Kind == kind).ToList();
            if (attempts.Count == 0 && faults.Count == 0)
            {
                continue;
            }

            var ready = faults.Select(f => f.ReadyAt is { } r ? Stopwatch.GetElapsedTime(f.RestoredAt, r).TotalSeconds : double.NaN).ToList();
            var probes = faults.Where(f => f.ProbeScene is not null).Select(Probe).ToList();
            var start = probes.Select(p => p is null ? double.NaN : p.Value.Start).ToList();
            var done = probes.Select(p => p is null ? double.NaN : p.Value.Done).ToList();
            var recovered = kind == "none" ? "" : $"{faults.Count(f => !Unrecovered.Contains(f.Id))}/{faults.Count}";
            text.AppendLine(invariant,
                $"| {kind} | {faults.Count} | {attempts.Count} | {attempts.Count(a => a.Completed)} | {attempts.Count(a => !a.Completed)} | {Max(ready)} | {Max(start)} / {Max(done)} | {recovered} |");
        }

        text.AppendLine();
        text.AppendLine("dropped events (reason × count, fault kinds active):");
        foreach (var group in _attempts.Where(a => !a.Completed && a.DroppedBecause != "run ended")
                     .GroupBy(a => $"{a.Scene}: {a.DroppedBecause} [{(a.Faults.Count == 0 ? "no fault" : string.Join(",", a.Faults.Order()))}]").OrderByDescending(g => g.Count()))
        {
            text.AppendLine(invariant, $"  {group.Count(),4} × {group.Key}");
        }

        text.AppendLine();
        text.AppendLine(invariant, $"outside faults: {DropsOutsideFaults.Count} of {AttemptsOutsideFaults} events dropped ({Percent(DropsOutsideFaults.Count, AttemptsOutsideFaults)})");
        text.AppendLine(invariant, $"Home Assistant: {HomeDone} commands reported done; lost {LostCalls}, duplicated {DuplicatedCalls}, executed but reported failed {ExecutedButFailed}");
        foreach (var mismatch in CallMismatches)
        {
            text.AppendLine(invariant, $"  {mismatch}");
        }
        text.AppendLine();
        text.AppendLine(Resources());
        text.AppendLine("server warnings and errors (grouped, numbers as #):");
        foreach (var (line, count) in LogGroups.Take(40))
        {
            text.AppendLine(invariant, $"  {count,5} × {(line.Length > 220 ? line[..220] + "…" : line)}");
        }

        return text.ToString();
    }

    /// <summary>For a fault with a probe: seconds from the repair to the start and to the end of the first probe event that completed.</summary>
    private (double Start, double Done)? Probe(SoakFault fault) =>
        _attempts.FirstOrDefault(a => a.Probe == fault.Id && a.Completed) is { } a
            ? (Math.Max(0, Stopwatch.GetElapsedTime(fault.RestoredAt, a.StartedAt).TotalSeconds), Stopwatch.GetElapsedTime(fault.RestoredAt, a.EndedAt).TotalSeconds)
            : null;

    private string Resources()
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        var warmUp = _options.WarmUp.TotalMinutes;
        text.AppendLine(invariant,
            $"server resources, sampled every {_options.SampleEvery.TotalSeconds:0} s ({_samples.Count} samples); slope per hour over the longest run of one server process after its warm-up of {warmUp:0.#} min:");
        var segment = AfterWarmUp(_samples, _options.WarmUp);
        text.AppendLine(invariant, $"  (slopes over {segment.Count} samples, {SegmentMinutes(segment):0.0} min, after a warm-up of {warmUp:0.#} min)");
        text.AppendLine("| measure | first | last | min | max | slope per hour | first half · second half |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var (name, read) in new (string, Func<ResourceSample, double>)[]
                 {
                     ("RSS MB", s => s.RssMb), ("managed heap MB", s => s.HeapMb), ("live heap after full GC MB", s => s.LiveHeapMb), ("GC committed MB", s => s.GcCommittedMb),
                     ("RSS − GC committed MB (native)", s => s.RssMb - s.GcCommittedMb), ("handles (fds)", s => s.Handles), ("threads", s => s.Threads),
                     ("sockets", s => s.Sockets),
                 })
        {
            if (segment.Count == 0)
            {
                break;
            }

            var values = segment.Select(read).ToList();
            // The halves tell growth that levels off (a steep first half, a flat second one) from a steady leak.
            var half = segment.Count / 2;
            text.AppendLine(invariant,
                $"| {name} | {values[0]:0.#} | {values[^1]:0.#} | {values.Min():0.#} | {values.Max():0.#} | {Slope(segment, read):+0.##;-0.##;0} | " +
                $"{Slope([.. segment.Take(half)], read):+0.##;-0.##;0} · {Slope([.. segment.Skip(half)], read):+0.##;-0.##;0} |");
        }

        var gcs = _samples.GroupBy(s => s.Pid).Select(g => g.Last()).ToList();
        text.AppendLine(invariant, $"GCs (all server processes): gen0 {gcs.Sum(s => s.Gen0)}, gen1 {gcs.Sum(s => s.Gen1)}, gen2 {gcs.Sum(s => s.Gen2)}");
        return text.ToString();
    }

    /// <summary>The samples the slopes are computed over: of the server process with the most samples (between two restarts),
    /// those taken at least <paramref name="warmUp"/> after its first sample.</summary>
    internal static IReadOnlyList<ResourceSample> AfterWarmUp(IReadOnlyList<ResourceSample> samples, TimeSpan warmUp) =>
        samples.GroupBy(s => s.Pid)
            .Select(g => g.Where(s => s.Seconds - g.First().Seconds >= warmUp.TotalSeconds).ToList())
            .MaxBy(g => g.Count) ?? [];

    private static double SegmentMinutes(IReadOnlyList<ResourceSample> segment) =>
        segment.Count > 1 ? (segment[^1].Seconds - segment[0].Seconds) / 60 : 0;

    /// <summary>Least-squares slope of <paramref name="read"/> over time, per hour.</summary>
    internal static double Slope(IReadOnlyList<ResourceSample> samples, Func<ResourceSample, double> read)
    {
        if (samples.Count < 2)
        {
            return 0;
        }

        var meanT = samples.Average(s => s.Seconds);
        var meanV = samples.Average(read);
        var covariance = samples.Sum(s => (s.Seconds - meanT) * (read(s) - meanV));
        var variance = samples.Sum(s => (s.Seconds - meanT) * (s.Seconds - meanT));
        return variance == 0 ? 0 : covariance / variance * 3600;
    }

    /// <summary>Each home command with the calls attributed to it: those from its start until the next command's start.</summary>
    private static IEnumerable<(SoakAttempt Home, long To, List<long> Calls)> HomeCalls(IReadOnlyList<SoakAttempt> attempts, long[] calls)
    {
        var homes = attempts.Where(a => a.Scene == SoakHousehold.Home).OrderBy(a => a.StartedAt).ToList();
        for (var i = 0; i < homes.Count; i++)
        {
            var from = homes[i].StartedAt;
            var to = i + 1 < homes.Count ? homes[i + 1].StartedAt : long.MaxValue;
            yield return (homes[i], to, calls.Where(c => c >= from && c < to).ToList());
        }
    }

    private static (int Lost, int Duplicated, int ExecutedButFailed, int Done) CountCalls(IReadOnlyList<SoakAttempt> attempts, long[] calls)
    {
        int lost = 0, duplicated = 0, executedButFailed = 0, done = 0;
        foreach (var (home, _, mine) in HomeCalls(attempts, calls))
        {
            done += home.HomeDone ? 1 : 0;
            lost += home.HomeDone && mine.Count == 0 ? 1 : 0;
            duplicated += Math.Max(0, mine.Count - 1);
            executedButFailed += !home.HomeDone && mine.Count > 0 ? 1 : 0;
        }

        return (lost, duplicated, executedButFailed, done);
    }

    private static List<string> DescribeCallMismatches(IReadOnlyList<SoakAttempt> attempts, long[] calls)
    {
        var invariant = CultureInfo.InvariantCulture;
        var lines = new List<string>();
        foreach (var (home, to, mine) in HomeCalls(attempts, calls).Where(h => h.Calls.Count != (h.Home.HomeDone ? 1 : 0)))
        {
            string Offset(long timestamp) => Stopwatch.GetElapsedTime(home.StartedAt, timestamp).TotalSeconds.ToString("+0.00 's'", invariant);
            var between = attempts.Where(a => a != home && a.StartedAt >= home.StartedAt && a.StartedAt < to)
                .Select(a => $"{a.Scene} in {a.Room} at {Offset(a.StartedAt)}");
            var faults = string.Join(",", home.Faults);
            lines.Add($"home in {home.Room} (done {home.HomeDone}, ended at {(home.EndedAt == 0 ? "-" : Offset(home.EndedAt))}{(faults.Length > 0 ? ", during " + faults : "")}): " +
                $"{mine.Count} call(s) at {string.Join(", ", mine.Select(Offset))}; meanwhile {string.Join("; ", between.DefaultIfEmpty("nothing"))}");
        }

        return lines;
    }

    private static string Max(List<double> seconds) =>
        seconds.Count == 0 ? "–" : seconds.Any(double.IsNaN) ? $"never ({seconds.Count(double.IsNaN)})" : seconds.Max().ToString("0.00 s", CultureInfo.InvariantCulture);

    private static string Percent(int part, int whole) => whole == 0 ? "–" : (100.0 * part / whole).ToString("0.0 '%'", CultureInfo.InvariantCulture);

    private static string Load()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    [GeneratedRegex(@"\b[0-9a-f]{8,}\b|\d+(\.\d+)?")]
    private static partial Regex Numbers();
}
