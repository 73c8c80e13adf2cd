using Jarvis.Server.Rooms;

namespace Jarvis.Server.PersonaPlex.Sessions;

/// <summary>
/// When an idle session may be replaced for a rotation or a persona change: only once the house has been quiet for
/// <c>RotateQuietWait</c> (a room that speaks must find a warm session, not one in its prompt phase), and one endpoint at a
/// time (a Moshi endpoint serves one session, so it cannot warm the replacement beside the old one: the others stay warm).
/// A house without rooms (<paramref name="house"/> null: tools, benchmarks) is always quiet.
/// </summary>
internal sealed class ReplacementPolicy(IHouseActivity? house, TimeSpan quietWait)
{
    private object? _replacing;

    /// <summary>True when <paramref name="endpoint"/> may end its idle session now; it then holds the turn until <see cref="Done"/>.</summary>
    public bool TryTake(object endpoint)
    {
        if (house is not null && house.QuietFor() < quietWait)
        {
            return false;
        }

        var holder = Interlocked.CompareExchange(ref _replacing, endpoint, null);
        return holder is null || ReferenceEquals(holder, endpoint);
    }

    /// <summary>The endpoint's new session is warm (or it failed): another endpoint may replace its session.</summary>
    public void Done(object endpoint) => Interlocked.CompareExchange(ref _replacing, null, endpoint);
}
