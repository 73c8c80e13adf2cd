using System.Diagnostics;
using System.Globalization;

namespace Jarvis.Bench.PersonaPlex;

/// <summary>This process's CPU time, bytes allocated and gen-0 collections over a measured window, and the machine's load.</summary>
internal sealed class ProcessMeter
{
    private readonly Stopwatch _wall = new();
    private TimeSpan _cpuAtStart;
    private long _allocatedAtStart;
    private int _gen0AtStart;

    public TimeSpan Cpu { get; private set; }

    public TimeSpan Wall => _wall.Elapsed;

    public long AllocatedBytes { get; private set; }

    public int Gen0Collections { get; private set; }

    /// <summary>The 1-minute load average (<c>/proc/loadavg</c>), or NaN where there is none.</summary>
    public static double LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    /// <remarks>
    /// The allocation counter is read last at the start and first at the end, and the CPU time comes from
    /// <see cref="Environment.CpuUsage"/> (no allocation): reading it through <see cref="Process"/> allocated a few KB inside
    /// the window, which a 20 s run of one session reported as ~18 bytes per frame.
    /// </remarks>
    public void Start()
    {
        _gen0AtStart = GC.CollectionCount(0);
        _cpuAtStart = Environment.CpuUsage.TotalTime;
        _wall.Restart();
        _allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
    }

    public void Stop()
    {
        AllocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - _allocatedAtStart;
        _wall.Stop();
        Cpu = Environment.CpuUsage.TotalTime - _cpuAtStart;
        Gen0Collections = GC.CollectionCount(0) - _gen0AtStart;
    }

    /// <summary>Percent of one core used per session over the window.</summary>
    public double CorePercentPer(int sessions) => 100 * Cpu.TotalSeconds / Wall.TotalSeconds / sessions;
}
