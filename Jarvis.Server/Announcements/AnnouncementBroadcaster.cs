using Jarvis.Server.HomeAssistant;
using Jarvis.Server.Satellites;
using Jarvis.Server.Timers;

namespace Jarvis.Server.Announcements;

/// <summary>"Broadcast dinner is ready": the message, with the chime, in every room but the speaker's.</summary>
public sealed class AnnouncementBroadcaster(Announcer announcer, SatelliteRegistry satellites) : IBroadcaster
{
    public async Task<HomeOutcome> BroadcastAsync(string message, string fromRoom, CancellationToken cancellationToken)
    {
        var rooms = satellites.All().Select(s => s.Room).Where(r => !string.Equals(r, fromRoom, StringComparison.Ordinal)).ToList();
        if (rooms.Count == 0)
        {
            return new HomeAnswer("There is no other room to broadcast to.");
        }

        var result = await announcer.AnnounceAsync(new AnnouncementRequest { Text = message, Rooms = rooms }, cancellationToken).ConfigureAwait(false);
        return result.Error is { } error ? new HomeFailed($"I couldn't broadcast that: {error}.") : new HomeDone([], "Done");
    }
}
