namespace Jarvis.Server.Tests.Soak;

/// <summary>The server process at one moment: from <c>/proc/PID</c> and its <c>/metrics</c> (the .NET runtime gauges).</summary>
internal sealed record ResourceSample(double Seconds, int Pid, double RssMb, int Threads, int Handles, int Sockets, double HeapMb, double GcCommittedMb, long Gen0, long Gen1, long Gen2);
