using System.Diagnostics;
using System.Globalization;

namespace Jarvis.Bench.Satellite;

/// <summary>CPU time, resident memory and threads of another process from /proc (Linux).</summary>
internal sealed record ProcStat(double Seconds, double CpuSeconds, double RssMb, double AnonMb, int Threads)
{
    public static ProcStat Read(int pid)
    {
        var now = Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After "pid (comm) ": state is field 0, utime field 11, stime field 12 (clock ticks, 100 per second here).
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        var status = File.ReadAllLines($"/proc/{pid}/status");
        return new ProcStat(now, ticks / 100.0, Kb(status, "VmRSS:") / 1024.0, Kb(status, "RssAnon:") / 1024.0, (int)Kb(status, "Threads:"));
    }

    private static long Kb(string[] status, string key) =>
        long.Parse(status.First(l => l.StartsWith(key, StringComparison.Ordinal))[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
}
