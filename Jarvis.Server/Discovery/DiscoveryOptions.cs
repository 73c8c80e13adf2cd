namespace Jarvis.Server.Discovery;

/// <summary>Advertising the server on the LAN by mDNS (section <c>Discovery</c>).</summary>
public sealed class DiscoveryOptions
{
    public const string Section = "Discovery";

    /// <summary>Advertise <c>_jarvis._tcp</c> so that satellites without Satellite:Link:ServerUrl find the server.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The instance name in the advertisement (default: the machine's name).</summary>
    public string? InstanceName { get; set; }
}
