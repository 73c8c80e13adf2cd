using System.Diagnostics;
using System.Globalization;
using Jarvis.Rig.Processes;

namespace Jarvis.Server.Tests.Soak;

/// <summary>Samples the server process every few seconds: RSS and threads (<c>/proc/PID/status</c>), descriptors and sockets (<c>/proc/PID/fd</c>), heap, GC committed memory and GCs (<c>/metrics</c>).</summary>
internal sealed class ResourceSampler(Func<RigServer> server, TimeSpan every)
{
    private readonly List<ResourceSample> _samples = [];
    private readonly long _started = Stopwatch.GetTimestamp();

    public IReadOnlyList<ResourceSample> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            if (await SampleAsync(server(), cancellationToken) is { } sample)
            {
                lock (_samples)
                {
                    _samples.Add(sample);
                }
            }
        }
    }

    /// <summary>The value of <paramref name="name"/> (with its labels) in a Prometheus text, or 0.</summary>
    public static double Metric(string metrics, string name)
    {
        foreach (var line in metrics.Split('\n'))
        {
            if (line.StartsWith(name + " ", StringComparison.Ordinal))
            {
                return double.Parse(line.AsSpan(name.Length + 1), CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    private async Task<ResourceSample?> SampleAsync(RigServer rig, CancellationToken cancellationToken)
    {
        try
        {
            var pid = rig.Process.Id;
            var status = await File.ReadAllLinesAsync($"/proc/{pid}/status", cancellationToken);
            double Field(string name) =>
                double.Parse(status.First(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            var handles = 0;
            var sockets = 0;
            foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
            {
                handles++;
                try
                {
                    if (new FileInfo(fd).LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true)
                    {
                        sockets++;
                    }
                }
                catch (IOException)
                {
                    // Closed meanwhile.
                }
            }

            var metrics = await rig.Api.GetStringAsync(new Uri("/metrics", UriKind.Relative), cancellationToken);
            return new ResourceSample(
                Stopwatch.GetElapsedTime(_started).TotalSeconds, pid, Field("VmRSS") / 1024, (int)Field("Threads"), handles, sockets,
                Metric(metrics, "jarvis_dotnet_managed_heap_bytes") / (1024 * 1024),
                Metric(metrics, "jarvis_dotnet_live_heap_after_full_gc_bytes") / (1024 * 1024),
                Metric(metrics, "jarvis_dotnet_gc_committed_bytes") / (1024 * 1024),
                (long)Metric(metrics, "jarvis_dotnet_gc_collections{generation=\"0\"}"),
                (long)Metric(metrics, "jarvis_dotnet_gc_collections{generation=\"1\"}"),
                (long)Metric(metrics, "jarvis_dotnet_gc_collections{generation=\"2\"}"));
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or UnauthorizedAccessException or InvalidOperationException or TaskCanceledException)
        {
            // The server is restarting: no sample this time.
            return null;
        }
    }
}
