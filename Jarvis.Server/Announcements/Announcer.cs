using Jarvis.Server.Answering;
using Jarvis.Server.Conversation;
using Jarvis.Server.Rooms;
using Jarvis.Server.Satellites;
using Jarvis.Server.Speech;
using Jarvis.Server.Timers;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.Announcements;

/// <summary>
/// Plays announcements: the text is synthesised once and played in every target room (chime first when asked). A room that
/// owns a conversation hears it after a pause in the user's speech (or at once, <see cref="AnnouncementsOptions"/>), with
/// PersonaPlex's audio cut and given back afterwards, as for a deep answer. An ask then opens a conversation in the room and
/// waits for the answer, which the home engine seam hands over (<see cref="AnnouncementAsks"/>).
/// </summary>
public sealed partial class Announcer(
    SatelliteRegistry satellites,
    LiveConversations conversations,
    ConversationCoordinator coordinator,
    RoomSpeech speech,
    ConfirmationEarcon chime,
    TimerEarcon ring,
    AnnouncementAsks asks,
    IOptionsMonitor<AnnouncementsOptions> options,
    TimeProvider time,
    ILogger<Announcer> logger)
{
    public async Task<AnnouncementResult> AnnounceAsync(AnnouncementRequest request, CancellationToken cancellationToken)
    {
        var id = request.Id is { Length: > 0 } given ? given : Guid.NewGuid().ToString("N")[..12];
        if (request.Problem() is { } problem)
        {
            return new AnnouncementResult(id, []) { Error = problem };
        }

        var connected = satellites.All().Select(s => s.Room).ToList();
        var rooms = request.Rooms is { Count: > 0 } wanted ? wanted.Distinct(StringComparer.Ordinal).ToList() : connected;
        if (rooms.Except(connected, StringComparer.Ordinal).ToList() is { Count: > 0 } missing)
        {
            return new AnnouncementResult(id, []) { Error = $"no satellite connected in {string.Join(", ", missing)} (connected: {string.Join(", ", connected)})" };
        }

        var spoken = string.IsNullOrWhiteSpace(request.Text) ? null : await speech.RenderAsync(request.Text, cancellationToken).ConfigureAwait(false);
        var answer = request.Ask ? asks.Open(rooms[0]) : null;
        await Task.WhenAll(rooms.Select(room => PlayAsync(room, request, spoken, cancellationToken))).ConfigureAwait(false);
        LogAnnounced(id, string.Join(", ", rooms), request.Ask);
        if (answer is null)
        {
            return new AnnouncementResult(id, rooms);
        }

        if (!coordinator.IsConversing(rooms[0]))
        {
            coordinator.Wake(rooms[0], 1.0, WakeSource.LongPress);
        }

        try
        {
            var transcript = await answer.WaitAsync(options.CurrentValue.AskTimeout, time, cancellationToken).ConfigureAwait(false);
            return new AnnouncementResult(id, rooms) { Transcript = transcript, YesNo = YesNo.Parse(transcript) };
        }
        catch (TimeoutException)
        {
            asks.Close(rooms[0], answer);
            return new AnnouncementResult(id, rooms) { Error = "nobody answered" };
        }
    }

    private async Task PlayAsync(string room, AnnouncementRequest request, OpusRecording? spoken, CancellationToken cancellationToken)
    {
        if (coordinator.IsConversing(room) && options.CurrentValue.DuringConversation == DuringConversation.Wait)
        {
            await WaitForPauseAsync(room, cancellationToken).ConfigureAwait(false);
        }

        var sink = conversations.AudioFor(room);
        await using (sink.ConfigureAwait(false))
        {
            await sink.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (request.Chime)
            {
                await chime.Clip.ReplayAsync(sink, cancellationToken).ConfigureAwait(false);
            }

            if (request.Sound is { } sound)
            {
                await (sound == "ring" ? ring.Clip : chime.Clip).ReplayAsync(sink, cancellationToken).ConfigureAwait(false);
            }

            if (spoken is not null)
            {
                await spoken.ReplayAsync(sink, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Until the user in the room is not speaking, at most <see cref="AnnouncementsOptions.MaxWait"/>.</summary>
    private async Task WaitForPauseAsync(string room, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var maxWait = options.CurrentValue.MaxWait;
        while (satellites.ByRoom(room) is { VoiceScore: > 0 } && time.GetElapsedTime(started) < maxWait)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Announcement {Id} played in {Rooms} (ask: {Ask})")]
    private partial void LogAnnounced(string id, string rooms, bool ask);
}
