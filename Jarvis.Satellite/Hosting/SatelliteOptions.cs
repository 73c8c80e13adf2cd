namespace Jarvis.Satellite.Hosting;

/// <summary>General settings. Section <c>Satellite</c>.</summary>
public sealed class SatelliteOptions
{
    /// <summary>Where the satellite keeps its state (the mute flag); systemd's StateDirectory.</summary>
    public string StateDirectory { get; set; } = "/var/lib/jarvis-satellite";
}
