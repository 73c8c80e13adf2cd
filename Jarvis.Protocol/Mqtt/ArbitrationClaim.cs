namespace Jarvis.Protocol.Mqtt;

/// <summary>
/// A room's bid for a wake event, published to <c>{prefix}/arbitration/claim/{room}</c>. Claims with the same
/// <see cref="WakeId"/> within the arbitration window are compared by <see cref="LevelDbfs"/> when both carry one (the
/// louder room is the nearer one), else by <see cref="Score"/>; the highest wins (ties: the lower satellite id).
/// </summary>
/// <param name="WakeId">Identifies one wake event across rooms (the server's id of the detection).</param>
/// <param name="Room">The claiming room id.</param>
/// <param name="SatelliteId">The satellite that heard it.</param>
/// <param name="Score">How well it heard it, 0..1 (wake/VAD confidence weighted by level).</param>
/// <param name="Timestamp">When the wake was heard (server clock).</param>
/// <param name="ServerId">The server that published the claim.</param>
/// <param name="LevelDbfs">
/// The speech level the satellite measured over the voice onset, after echo cancellation (−200..0 dBFS, as on the link); absent when the
/// satellite does not measure it (a wake word without speech level, or an older satellite).
/// </param>
public sealed record ArbitrationClaim(string WakeId, string Room, string SatelliteId, double Score, DateTimeOffset Timestamp, string ServerId, double? LevelDbfs = null)
{

    /// <summary>True when this claim beats <paramref name="other"/> for the same wake.</summary>
    public bool Beats(ArbitrationClaim other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var (mine, theirs) = LevelDbfs is { } level && other.LevelDbfs is { } otherLevel ? (level, otherLevel) : (Score, other.Score);
        return mine > theirs || (mine.Equals(theirs) && string.CompareOrdinal(SatelliteId, other.SatelliteId) < 0);
    }
}
