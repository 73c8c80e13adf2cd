using System.Globalization;
using Jarvis.Server.Mqtt;
using Jarvis.Server.PersonaPlex;
using Jarvis.Server.Rooms;
using Jarvis.Server.Satellites;

namespace Jarvis.Server.Status;

/// <summary>Registers the hub's gauges (read at scrape time): satellites, conversations, MQTT, PersonaPlex sessions,
/// the .NET runtime (managed heap, GC committed memory, GCs, thread pool: the soak samples them).</summary>
public sealed class HubGauges(
    MetricsRegistry metrics,
    SatelliteRegistry satellites,
    ConversationCoordinator coordinator,
    MqttConnection mqtt,
    IPersonaPlexSessions personaPlex) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        metrics.Gauge("jarvis_satellites_connected", "Satellites with an open link", () => satellites.Count);
        metrics.Gauge("jarvis_satellites_muted", "Connected satellites that are muted", () => satellites.All().Count(s => s.Muted));
        metrics.Gauge("jarvis_satellites_playback_late", "Connected satellites whose playback is late (jitter buffer above target + margin, sustained)",
            () => satellites.All().Count(s => s.PlaybackLag.Lagging));
        metrics.Gauge("jarvis_satellites_playback_late_episodes", "Late-playback episodes of the connected satellites since they connected",
            () => satellites.All().Sum(s => s.PlaybackLag.Episodes));
        metrics.Gauge("jarvis_conversations_active", "Conversations running now", () => coordinator.Conversations().Count);
        metrics.Gauge("jarvis_mqtt_connected", "1 while connected to the MQTT broker", () => mqtt.IsConnected ? 1 : 0);
        metrics.Gauge("jarvis_mqtt_connects", "Connections to the MQTT broker since start (1 + reconnects)", () => mqtt.Connects);
        metrics.Gauge("jarvis_dotnet_managed_heap_bytes", "Managed heap size after the last GC (GC.GetGCMemoryInfo().HeapSizeBytes)",
            () => GC.GetGCMemoryInfo().HeapSizeBytes);
        metrics.Gauge("jarvis_dotnet_gc_committed_bytes", "Memory the GC had committed at the last GC, 0 before the first (GC.GetGCMemoryInfo().TotalCommittedBytes)",
            () => GC.GetGCMemoryInfo().TotalCommittedBytes);
        metrics.Gauge("jarvis_dotnet_live_heap_after_full_gc_bytes",
            "Bytes in use on the managed heap after the last full (generation 2) collection, blocking or background, 0 before the first: " +
            "the live objects, without the garbage the heap size after a younger collection still holds",
            LiveHeapAfterFullCollection);
        metrics.Gauge("jarvis_dotnet_allocated_bytes", "Bytes allocated on the managed heap since start", () => GC.GetTotalAllocatedBytes());
        foreach (var generation in new[] { 0, 1, 2 })
        {
            metrics.Gauge("jarvis_dotnet_gc_collections", "Garbage collections of this generation since start", () => GC.CollectionCount(generation),
                string.Create(CultureInfo.InvariantCulture, $"generation=\"{generation}\""));
        }

        metrics.Gauge("jarvis_dotnet_threadpool_threads", "Thread-pool threads", () => ThreadPool.ThreadCount);
        var endpoints = personaPlex.GetStatus();
        for (var i = 0; i < endpoints.Count; i++)
        {
            var index = i;
            var labels = string.Create(CultureInfo.InvariantCulture, $"endpoint=\"{i}\"");
            metrics.Gauge("jarvis_personaplex_ready", "1 while the PersonaPlex endpoint has a session (warm or in conversation)",
                () => Status(index)?.State is PersonaPlexState.Warm or PersonaPlexState.InConversation ? 1 : 0, labels);
            metrics.Gauge("jarvis_personaplex_drift_seconds", "Audio seconds sent minus received on the current session",
                () => Status(index)?.DriftSeconds ?? 0, labels);
            metrics.Gauge("jarvis_personaplex_reconnects", "Sessions replaced after a failure, drop or drift", () => Status(index)?.Reconnects ?? 0, labels);
            metrics.Gauge("jarvis_personaplex_input_trimmed_packets", "Room packets dropped because they ran ahead of the session's real-time clock",
                () => Status(index)?.TrimmedPackets ?? 0, labels);
            metrics.Gauge("jarvis_personaplex_input_not_ready_packets", "Room packets dropped because no session was ready (prompt phase, reconnect)",
                () => Status(index)?.DroppedNotReadyPackets ?? 0, labels);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The heap size less its free space after the newest full collection (blocking or background).</summary>
    private static double LiveHeapAfterFullCollection()
    {
        var blocking = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        var background = GC.GetGCMemoryInfo(GCKind.Background);
        var newest = blocking.Index >= background.Index ? blocking : background;
        return newest.Index == 0 ? 0 : newest.HeapSizeBytes - newest.FragmentedBytes;
    }

    private PersonaPlexEndpointStatus? Status(int index)
    {
        var all = personaPlex.GetStatus();
        return index < all.Count ? all[index] : null;
    }
}
