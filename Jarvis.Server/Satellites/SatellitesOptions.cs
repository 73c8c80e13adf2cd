using Jarvis.Protocol.Link;

namespace Jarvis.Server.Satellites;

/// <summary>The satellite link endpoint and the enrolled satellites (configuration section <c>Satellites</c>).</summary>
public sealed class SatellitesOptions
{
    public const string Section = "Satellites";

    /// <summary>WebSocket path satellites connect to.</summary>
    public string Path { get; set; } = LinkProtocol.Path;

    /// <summary>
    /// Browser origins (<c>https://host:port</c>) besides the server's own pages that may open the link; a browser from any
    /// other origin is refused (403). Non-browser satellites send no origin and are not affected.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Satellite id → room and token.</summary>
    public Dictionary<string, SatelliteEntry> Devices { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long a satellite has to send its hello after the WebSocket opens.</summary>
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Ping interval for RTT and clock offset.</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Uplink (microphone) sample rate asked of the satellites in welcome.</summary>
    public int UplinkSampleRate { get; set; } = 16000;

    /// <summary>
    /// Between conversations a satellite streams only while it hears voice, for the wake word: it may join its 20 ms frames
    /// into packets of this many ms (20-120, a multiple of 20; offered in welcome). Fewer packets cost the server less per
    /// room (a house where every room talks at once); the wake service hears each packet up to this much later (openWakeWord
    /// judges 80 ms steps; wyoming-satellite sends 64 ms). 20 turns joining off. A conversation always gets 20 ms packets.
    /// </summary>
    public int WakePacketMs { get; set; } = 60;

    /// <summary>Downlink packets queued per satellite before the oldest are dropped (slow Wi-Fi).</summary>
    public int DownlinkQueuePackets { get; set; } = 64;

    /// <summary>Playback is late when the satellite's jitter buffer is deeper than its target by more than this ...</summary>
    public TimeSpan PlaybackLagMargin { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>... in every stats report for this long (the satellite reports every 5 s by default).</summary>
    public TimeSpan PlaybackLagSustain { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Satellites waiting for approval at once (a flood of requests is refused beyond this; at most a quarter from one address).</summary>
    public int MaxPendingRequests { get; set; } = 16;

    /// <summary>How long a satellite the owner rejected is refused (it retries slowly) before it may ask again.</summary>
    public TimeSpan RejectedFor { get; set; } = TimeSpan.FromHours(1);

    public string RoomOf(string satelliteId) =>
        Devices.TryGetValue(satelliteId, out var entry) && !string.IsNullOrWhiteSpace(entry.Room) ? entry.Room : satelliteId;
}
