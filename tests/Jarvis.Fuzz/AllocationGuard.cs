namespace Jarvis.Fuzz;

/// <summary>
/// Fails an input whose parse allocated more than a fixed budget plus a multiple of its length (on this thread): a parser
/// that trusts a length field from the wire shows up here before it shows up as an out-of-memory on a satellite.
/// </summary>
internal static class AllocationGuard
{
    private const long FixedBudget = 4 * 1024 * 1024;
    private const long PerInputByte = 64;

    public static void Run(FuzzTarget target, ReadOnlySpan<byte> input)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        target.Run(input);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var budget = FixedBudget + (PerInputByte * input.Length);
        if (allocated > budget)
        {
            throw new FuzzDefectException($"{target.Name}: {allocated:N0} bytes allocated for {input.Length:N0} input bytes (budget {budget:N0})");
        }
    }
}
