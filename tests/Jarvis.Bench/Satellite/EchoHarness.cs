using System.Globalization;
using Jarvis.Satellite.Tests.Aec.Benchmark;

namespace Jarvis.Bench.Satellite;

/// <summary>
/// <c>-- harness echo [engine-substring]</c>: every canceller configuration over the echo benchmark's cases
/// (linear echo at 20/60/120 ms, long tail, soft-clipped speaker, path change; double talk in each): ERLE with the far
/// end alone, convergence and re-convergence time, near-end correlation and level in double talk, added latency, CPU.
/// </summary>
internal static class EchoHarness
{
    public static Task<int> RunAsync(string[] args)
    {
        var filter = args.Length > 0 ? args[0] : string.Empty;
        var cases = EchoCases.All();
        Console.WriteLine("echo: 16 kHz, 20 ms frames, espeak-ng far end and near end, echo paths made with sox");
        Console.WriteLine($"{"engine",-22} {"case",-22} {"ERLE dB",8} {"conv s",7} {"reconv s",8} {"DT corr",8} {"DT dB",6} {"alone dB",8} {"lat ms",6} {"CPU/s",7}");
        foreach (var (name, options) in EchoEngines.All.Where(e => e.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var echoCase in cases)
            {
                var r = EchoRun.Run(echoCase, () => EchoEngines.Create(options));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-22} {r.Case,-22} {r.ErleDb,8:0.0} {r.ConvergenceSeconds,7:0.00} {(r.ReconvergenceSeconds is { } s ? s.ToString("0.00", CultureInfo.InvariantCulture) : "-"),8} " +
                    $"{r.DoubleTalkCorrelation,8:0.000} {r.DoubleTalkLevelDb,6:0.0} {r.NearAloneLevelDb,8:0.0} {r.LatencyMilliseconds,6:0.0} {r.CpuPerAudioSecond,7:0.0000}"));
            }
        }

        return Task.FromResult(0);
    }
}
