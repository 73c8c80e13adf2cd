using System.Collections.Concurrent;

namespace Jarvis.Server.Satellites;

/// <summary>The connected satellites, by id and by room. A reconnecting satellite replaces its older session.</summary>
public sealed class SatelliteRegistry
{
    private readonly ConcurrentDictionary<string, SatelliteSession> _byRoom = new(StringComparer.Ordinal);

    /// <summary>Registers the session and returns the one it replaces (same room), if any.</summary>
    public SatelliteSession? Add(SatelliteSession session)
    {
        SatelliteSession? replaced = null;
        _byRoom.AddOrUpdate(session.Room, session, (_, old) =>
        {
            replaced = old;
            return session;
        });
        return replaced;
    }

    /// <summary>Removes the session if it is still the current one for its room; false when a newer one replaced it.</summary>
    public bool Remove(SatelliteSession session) =>
        _byRoom.TryRemove(new KeyValuePair<string, SatelliteSession>(session.Room, session));

    public SatelliteSession? ByRoom(string room) => _byRoom.TryGetValue(room, out var session) ? session : null;

    public int Count => _byRoom.Count;

    public IReadOnlyList<SatelliteSession> All() => _byRoom.Values.OrderBy(s => s.Room, StringComparer.Ordinal).ToArray();
}
