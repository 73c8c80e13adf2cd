namespace Jarvis.Server.Tests.Soak;

/// <summary>The server process at one moment: from <c>/proc/PID</c> and its <c>/metrics</c> (the .NET runtime gauges).</summary>
/// <param name="HeapMb">The heap's size after the last collection of any generation: includes older garbage not yet collected.</param>
/// <param name="LiveHeapMb">The heap in use after the last full collection (0 before the first): what is really kept.</param>
internal sealed record ResourceSample(double Seconds, int Pid, double RssMb, int Threads, int Handles, int Sockets, double HeapMb, double LiveHeapMb, double GcCommittedMb, long Gen0, long Gen1, long Gen2);
