using System.ComponentModel.DataAnnotations;

namespace Jarvis.Satellite.Link;

/// <summary>The link to the Jarvis server. Section <c>Satellite:Link</c>.</summary>
public sealed class LinkOptions
{
    /// <summary>WebSocket URL of the server's link endpoint, e.g. <c>ws://jarvis.local:8080/link/v1</c>; empty: found by mDNS (<c>_jarvis._tcp</c>).</summary>
    public string ServerUrl { get; set; } = string.Empty;

    /// <summary>This satellite's id (a-z 0-9 _ -), as configured on the server.</summary>
    public string SatelliteId { get; set; } = string.Empty;

    /// <summary>The room it stands in (a-z 0-9 _ -).</summary>
    public string Room { get; set; } = string.Empty;

    /// <summary>The satellite's secret token; empty: generated on the first start and kept in the state directory.</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>Why no token could be generated or kept (set at start when Token is empty), for the validation message.</summary>
    internal string? TokenError { get; set; }

    [Range(10, 10_000)]
    public int ReconnectMinMilliseconds { get; set; } = 100;

    /// <summary>Cap of the reconnect backoff: the satellite is back at most this long (plus a connect) after the server is.</summary>
    [Range(100, 60_000)]
    public int ReconnectMaxMilliseconds { get; set; } = 1500;

    /// <summary>Retry interval after the server rejected the hello (wrong token, unknown satellite).</summary>
    [Range(1, 3600)]
    public int RejectedRetrySeconds { get; set; } = 30;

    [Range(100, 60_000)]
    public int HandshakeTimeoutMilliseconds { get; set; } = 5000;

    [Range(500, 600_000)]
    public int StatsIntervalMilliseconds { get; set; } = 5000;

    /// <summary>Uplink Opus bitrate (bps).</summary>
    [Range(6000, 128_000)]
    public int OpusBitrate { get; set; } = 24000;

    [Range(0, 10)]
    public int OpusComplexity { get; set; } = 5;
}
