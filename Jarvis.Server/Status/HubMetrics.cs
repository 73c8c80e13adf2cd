namespace Jarvis.Server.Status;

/// <summary>The hub's own instruments, registered once in the <see cref="MetricsRegistry"/>.</summary>
public sealed class HubMetrics(MetricsRegistry registry)
{
    private const string DuplexLatency = "jarvis_duplex_latency_seconds";
    private const string DuplexLatencyHelp = "Time an audio packet spends inside the server on the duplex path";
    private const string Packets = "jarvis_duplex_packets_total";
    private const string Conversations = "jarvis_conversation_events_total";

    public LatencyHistogram UplinkLatency { get; } = registry.Histogram(DuplexLatency, DuplexLatencyHelp, "direction=\"uplink\"");

    public LatencyHistogram DownlinkLatency { get; } = registry.Histogram(DuplexLatency, DuplexLatencyHelp, "direction=\"downlink\"");

    public LatencyHistogram WakeToStart { get; } =
        registry.Histogram("jarvis_wake_to_start_seconds", "Time from the first wake candidate to the conversation start (arbitration window)");

    public MetricCounter UplinkPackets { get; } = registry.Counter(Packets, "Audio packets forwarded on the duplex path", "direction=\"uplink\"");

    public MetricCounter DownlinkPackets { get; } = registry.Counter(Packets, "Audio packets forwarded on the duplex path", "direction=\"downlink\"");

    /// <summary>PersonaPlex audio for a room whose satellite is gone (an idle room's uplink is the wake path's, not a drop).</summary>
    public MetricCounter DroppedNotActive { get; } =
        registry.Counter("jarvis_duplex_dropped_packets_total", "Audio packets not forwarded", "reason=\"room_not_active\"");

    public MetricCounter DroppedSlowSatellite { get; } =
        registry.Counter("jarvis_duplex_dropped_packets_total", "Audio packets not forwarded", "reason=\"satellite_queue_full\"");

    public MetricCounter DroppedBackend { get; } =
        registry.Counter("jarvis_duplex_dropped_packets_total", "Audio packets not forwarded", "reason=\"personaplex_unavailable\"");

    public MetricCounter Started { get; } = registry.Counter(Conversations, "Conversation events", "event=\"start\"");

    public MetricCounter Moved { get; } = registry.Counter(Conversations, "Conversation events", "event=\"move\"");

    public MetricCounter Ended { get; } = registry.Counter(Conversations, "Conversation events", "event=\"end\"");

    public MetricCounter StoodDown { get; } = registry.Counter(Conversations, "Conversation events", "event=\"stand_down\"");

    public MetricCounter AuthRejected { get; } =
        registry.Counter("jarvis_satellite_rejected_total", "Satellite connections rejected (bad token, bad hello)");
}
