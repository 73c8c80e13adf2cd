namespace Jarvis.Server.Satellites;

/// <summary>One enrolled satellite (configuration <c>Satellites:Devices:{id}</c>).</summary>
public sealed class SatelliteEntry
{
    /// <summary>The room it serves; rooms are what arbitration and conversations are about. Defaults to the satellite id.</summary>
    public string? Room { get; set; }

    /// <summary>Shared secret the satellite presents in its hello (at least 16 characters).</summary>
    public string Token { get; set; } = "";
}
