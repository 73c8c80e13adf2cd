namespace Jarvis.Server.Rooms;

/// <summary>What the hub knows about one room right now.</summary>
internal sealed class RoomPresence(string name)
{
    public string Name { get; } = name;

    public bool Online { get; set; } = true;

    public bool Muted { get; set; }

    public bool Speaking { get; set; }

    /// <summary>Latest voice score while speaking, 0 otherwise.</summary>
    public double Score { get; set; }

    /// <summary>Latest speech level (dBFS) while speaking, when the satellite measures it; null otherwise.</summary>
    public double? LevelDbfs { get; set; }

    public bool CanConverse => Online && !Muted;
}
