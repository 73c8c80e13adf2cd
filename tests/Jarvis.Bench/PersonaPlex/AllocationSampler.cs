using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Jarvis.Bench.PersonaPlex;

/// <summary>
/// With <c>JARVIS_BENCH_ALLOCATIONS=1</c>: samples the runtime's allocation ticks (one per ~100 KB allocated) by type, to
/// find what allocates in a window that should allocate nothing.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, int> _types = new();
    private volatile bool _recording;

    public static AllocationSampler? FromEnvironment() =>
        Environment.GetEnvironmentVariable("JARVIS_BENCH_ALLOCATIONS") == "1" ? new AllocationSampler() : null;

    public void Start() => _recording = true;

    public void Stop() => _recording = false;

    public string Summary() => string.Join(", ", _types.OrderByDescending(t => t.Value).Select(t => $"{t.Key} x{t.Value}"));

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (_recording && eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true
            && eventData.PayloadNames?.IndexOf("TypeName") is >= 0 and var at && eventData.Payload?[at] is string type)
        {
            _types.AddOrUpdate(type, 1, (_, n) => n + 1);
        }
    }
}
