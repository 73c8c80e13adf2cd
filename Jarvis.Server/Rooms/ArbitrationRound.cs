namespace Jarvis.Server.Rooms;

/// <summary>
/// Wake candidates collected during one arbitration window; the arrival order within the window never matters. When every
/// candidate carries a speech level the loudest wins (equal levels: the higher score, then the room name that sorts
/// first); when one does not (an older satellite, or a claim from a server that sends no level) all are compared by score, then by name, so
/// that every server sharing the same claims reaches the same decision.
/// </summary>
internal sealed class ArbitrationRound(DateTimeOffset closesAt)
{
    private readonly List<WakeCandidate> _candidates = [];

    public DateTimeOffset ClosesAt { get; } = closesAt;

    public IReadOnlyList<WakeCandidate> Candidates => _candidates;

    public void Add(WakeCandidate candidate)
    {
        var existing = _candidates.FindIndex(c => c.Room == candidate.Room);
        if (existing < 0)
        {
            _candidates.Add(candidate);
        }
        else if (Compare(candidate, _candidates[existing], ByLevel(candidate, _candidates[existing])) > 0)
        {
            _candidates[existing] = candidate;
        }
    }

    public bool Remove(string room) => _candidates.RemoveAll(c => c.Room == room) > 0;

    public bool Contains(string room) => _candidates.Exists(c => c.Room == room);

    public WakeCandidate? Best()
    {
        var byLevel = _candidates.TrueForAll(c => c.LevelDbfs is not null);
        WakeCandidate? best = null;
        foreach (var candidate in _candidates)
        {
            if (best is null || Compare(candidate, best, byLevel) > 0)
            {
                best = candidate;
            }
        }

        return best;
    }

    private static bool ByLevel(WakeCandidate a, WakeCandidate b) => a.LevelDbfs is not null && b.LevelDbfs is not null;

    /// <summary>Positive when <paramref name="a"/> heard the wake better than <paramref name="b"/>.</summary>
    private static int Compare(WakeCandidate a, WakeCandidate b, bool byLevel)
    {
        if (byLevel && a.LevelDbfs!.Value != b.LevelDbfs!.Value)
        {
            return a.LevelDbfs.Value.CompareTo(b.LevelDbfs.Value);
        }

        return a.Score != b.Score ? a.Score.CompareTo(b.Score) : string.CompareOrdinal(b.Room, a.Room);
    }
}
