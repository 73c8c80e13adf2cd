using System.Runtime.InteropServices;

namespace Jarvis.Satellite.Tests.Aec.Benchmark;

/// <summary>CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): unlike wall time it does not grow
/// when other processes take the cores.</summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    public static double Seconds => clock_gettime(ClockThreadCpuTimeId, out var ts) == 0 ? ts.Seconds + (ts.Nanoseconds / 1e9) : double.NaN;

    [LibraryImport("libc")]
    private static partial int clock_gettime(int clock, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
