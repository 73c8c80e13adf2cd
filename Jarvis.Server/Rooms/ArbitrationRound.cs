namespace Jarvis.Server.Rooms;

/// <summary>
/// Wake candidates collected during one arbitration window. The best score wins regardless of arrival order; ties go to
/// the room name that sorts first, so that every server sharing the same claims reaches the same decision.
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
        else if (candidate.Score > _candidates[existing].Score)
        {
            _candidates[existing] = candidate;
        }
    }

    public bool Remove(string room) => _candidates.RemoveAll(c => c.Room == room) > 0;

    public bool Contains(string room) => _candidates.Exists(c => c.Room == room);

    public WakeCandidate? Best()
    {
        WakeCandidate? best = null;
        foreach (var candidate in _candidates)
        {
            if (best is null
                || candidate.Score > best.Score
                || (candidate.Score == best.Score && string.CompareOrdinal(candidate.Room, best.Room) < 0))
            {
                best = candidate;
            }
        }

        return best;
    }
}
