using Jarvis.Server.Announcements;
using Jarvis.Server.HomeAssistant;
using Jarvis.Server.HomeAssistant.Conversation;
using Jarvis.Server.HomeAssistant.Model;
using Jarvis.Server.Timers.Grammar;

namespace Jarvis.Server.Timers;

/// <summary>
/// The home engine with timers in front (<see cref="IHomeEngine"/> as every caller sees it): "stop" in a ringing room
/// silences it, a timer sentence is carried out here (with or without Home Assistant), everything else goes on to
/// <see cref="HomeConversation"/>. Broadcast sentences go to <see cref="IBroadcaster"/> when one is registered. The answer
/// to an announcement's question (<see cref="AnnouncementAsks"/>) is taken before anything else.
/// </summary>
public sealed class TimerHomeEngine(
    HomeConversation inner, TimerCommands commands, TimerRinger ringer, HomeModel model, IBroadcaster? broadcaster = null, AnnouncementAsks? asks = null) : IHomeEngine
{
    public async Task<HomeOutcome> HandleAsync(HomeRequest request, CancellationToken cancellationToken)
    {
        if (asks is not null && asks.TryAnswer(request.Room, request.Transcript))
        {
            return new HomeDone([], "Thanks.");
        }

        var home = model.IsLoaded ? model.Snapshot : HomeSnapshot.Empty;
        var sentence = TimerGrammar.Match(request.Transcript, home);
        if (ringer.IsRinging(request.Room) && (StopWords.IsStop(request.Transcript) || sentence?.Intent is TimerIntents.Cancel or TimerIntents.CancelAll))
        {
            ringer.Stop(request.Room, "voice");
            return new HomeDone([], "");
        }

        if (sentence is null)
        {
            return await inner.HandleAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (sentence.Intent == TimerIntents.Broadcast)
        {
            return broadcaster is null
                ? new HomeFailed("Announcements aren't available.")
                : await broadcaster.BroadcastAsync(sentence.Message!, request.Room, cancellationToken).ConfigureAwait(false);
        }

        return commands.Run(sentence, request.Room, home);
    }

    /// <summary>
    /// A timer sentence or a "stop" while ringing is whole; a broadcast's message and the answer to an announcement's question
    /// may go on after a pause, so they wait for the end of the utterance.
    /// </summary>
    public bool IsCompleteCommand(HomeRequest request)
    {
        if (asks is not null && asks.IsAsking(request.Room))
        {
            return false;
        }

        var home = model.IsLoaded ? model.Snapshot : HomeSnapshot.Empty;
        var sentence = TimerGrammar.Match(request.Transcript, home);
        if (ringer.IsRinging(request.Room) && (StopWords.IsStop(request.Transcript) || sentence?.Intent is TimerIntents.Cancel or TimerIntents.CancelAll))
        {
            return true;
        }

        return sentence is null ? inner.IsCompleteCommand(request) : sentence.Intent != TimerIntents.Broadcast;
    }
}
