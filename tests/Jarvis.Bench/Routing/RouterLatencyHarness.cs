using System.Diagnostics;
using Jarvis.Server.Routing;
using Jarvis.Server.Tests.Emulators;

namespace Jarvis.Bench.Routing;

/// <summary>
/// <c>harness route-latency [--corpus FILE]</c>: router decision time per query over dev.jsonl (p50/p99/max after a
/// warm-up), plus the accuracy and confusion matrix on the same corpus.
/// </summary>
internal static class RouterLatencyHarness
{
    public static Task<int> RunAsync(string[] args)
    {
        var i = Array.IndexOf(args, "--corpus");
        var corpus = i >= 0 && i + 1 < args.Length ? args[i + 1] : SharedCorpus.Path("corpora", "routing", "dev.jsonl");
        var items = RouteEvaluation.ReadCorpus(corpus).ToList();
        var router = new ComplexityRouter(new FixedOptionsMonitor<RoutingOptions>(new RoutingOptions()));

        for (var warm = 0; warm < 20; warm++)
        {
            foreach (var item in items)
            {
                router.Decide(item.Query);
            }
        }

        const int rounds = 50;
        var samples = new double[items.Count * rounds];
        var n = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var item in items)
            {
                var start = Stopwatch.GetTimestamp();
                router.Decide(item.Query);
                samples[n++] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }
        }

        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)n;
        Array.Sort(samples);
        Console.WriteLine($"router decision time over {items.Count} queries x {rounds}: p50 {Percentile(samples, 0.50):0.0} us, p99 {Percentile(samples, 0.99):0.0} us, max {samples[^1]:0.0} us, {allocated:0} B allocated per decision");
        RouteEvaluation.Run(router, items).WriteReport(Console.Out);
        return Task.FromResult(0);
    }

    internal static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
