namespace Jarvis.Server.HomeAssistant.Client;

/// <summary>Where the connection to Home Assistant stands.</summary>
public enum HomeAssistantConnectionState
{
    NotConfigured,
    Connecting,
    Connected,
    Disconnected,

    /// <summary>The token was rejected: the client stopped reconnecting until the configuration changes.</summary>
    AuthFailed,
}

/// <summary>Connection state plus a human-readable detail (URL, last error).</summary>
public sealed record HomeAssistantStatus(HomeAssistantConnectionState State, string Detail);
