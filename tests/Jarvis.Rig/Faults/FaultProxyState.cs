namespace Jarvis.Rig.Faults;

/// <summary>What a <see cref="FaultProxy"/> does with the traffic between its clients and its target.</summary>
public enum FaultProxyState
{
    /// <summary>Forwards (with the configured latency, jitter and stalls).</summary>
    Up,

    /// <summary>A network cut: nothing passes either way and new connections hang; what was sent is delivered when the cut ends (as TCP retransmits).</summary>
    Blackhole,

    /// <summary>A killed process: every open connection is reset and new ones are reset at once.</summary>
    Refuse,
}
