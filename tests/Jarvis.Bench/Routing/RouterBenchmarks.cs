using BenchmarkDotNet.Attributes;
using Jarvis.Server.Routing;
using Jarvis.Server.Tests.Emulators;

namespace Jarvis.Bench.Routing;

/// <summary>Router decision kernel: a short command, a short complex request and a long reasoning request.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class RouterBenchmarks
{
    private readonly ComplexityRouter _router = new(new FixedOptionsMonitor<RoutingOptions>(new RoutingOptions()));

    [Params("Turn on the lights", "Write a Python function", "Consider a satellite in a circular orbit whose speed decreases; what happens to its orbital radius and period? Justify your answer.")]
    public string Query { get; set; } = "";

    [Benchmark]
    public RouteDecision Decide() => _router.Decide(Query);
}
