using System.Collections.Concurrent;
using Jarvis.Server.HomeAssistant.Client;
using Jarvis.Server.HomeAssistant.Intents;
using Jarvis.Server.HomeAssistant.Model;

namespace Jarvis.Server.HomeAssistant.Conversation;

/// <summary>
/// The home conversation: dialogue turns (offers, yes/no, thanks, "which one?"), multi-step commands, follow-ups that
/// refer to the last devices, local intents first and HA's own <c>conversation/process</c> as fallback.
/// </summary>
public sealed class HomeConversation(HomeAssistantClient client, CommandRunner runner, TimeProvider time) : IHomeAssistantConversation
{
    private static readonly TimeSpan ContextLifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, RoomContext> _rooms = new(StringComparer.OrdinalIgnoreCase);

    public async Task<HomeReply> HandleAsync(string transcript, string roomArea, CancellationToken cancellationToken)
    {
        if (!client.IsConfigured)
        {
            return HomeReply.NotHandled;
        }

        if (client.Status.State == HomeAssistantConnectionState.AuthFailed)
        {
            return HomeReply.Say($"I can't control the home: {client.Status.Detail}.");
        }

        if (!client.Model.IsLoaded)
        {
            return HomeReply.Say("I can't reach Home Assistant right now.");
        }

        var home = client.Model.Snapshot;
        var areaId = home.ResolveRoom(roomArea)?.Id;
        var room = _rooms.GetOrAdd(areaId ?? roomArea, _ => new RoomContext(areaId));
        await room.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (room.LastAt + ContextLifetime < time.GetUtcNow())
            {
                room.LastMatch = null;
                room.LastTargets = [];
                room.PendingOffer = null;
                room.PendingChoice = null;
            }

            var reply = await TurnAsync(transcript, home, areaId, room, cancellationToken).ConfigureAwait(false);
            room.LastAt = time.GetUtcNow();
            return reply;
        }
        finally
        {
            room.Gate.Release();
        }
    }

    private async Task<HomeReply> TurnAsync(string transcript, HomeSnapshot home, string? areaId, RoomContext room, CancellationToken cancellationToken)
    {
        var utterance = IntentRecognizer.Analyze(transcript, home, areaId);
        if (DialogueTurns.Answer(utterance, room) is { } pending)
        {
            return pending.Match is null
                ? HomeReply.Say(pending.Speech)
                : await runner.RunAsync([pending.Match], transcript, room, cancellationToken).ConfigureAwait(false);
        }

        var steps = StepSplitter.Split(transcript);
        var matches = steps.Count > 1 ? steps.Select(s => Recognize(s, home, areaId, room)).ToList() : [];
        if (matches.Count == 0 || matches.Any(m => m is null))
        {
            matches = [Recognize(transcript, home, areaId, room)];
        }

        if (matches[0] is null)
        {
            if (DialogueTurns.Offer(utterance, room, areaId) is { } offer)
            {
                return HomeReply.Say(offer);
            }

            return await FallbackAsync(transcript, cancellationToken).ConfigureAwait(false);
        }

        if (matches.Count == 1 && CommandRunner.UnknownName(matches[0]!, transcript, home) is not null
            && await FallbackAsync(transcript, cancellationToken).ConfigureAwait(false) is { Handled: true } known)
        {
            return known;
        }

        return await runner.RunAsync(matches.OfType<IntentMatch>().ToList(), transcript, room, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A step, or a follow-up completed from the room's last command ("in the living room too").</summary>
    private static IntentMatch? Recognize(string text, HomeSnapshot home, string? areaId, RoomContext room)
    {
        var match = IntentRecognizer.Recognize(text, home, areaId);
        if (match is not null)
        {
            return match;
        }

        var utterance = IntentRecognizer.Analyze(text, home, areaId);
        if (room.LastMatch is { } last && (utterance.AreaId is not null || utterance.FloorId is not null) && !utterance.IsQuestion
            && !utterance.Has(WordKind.Affirm) && !utterance.Has(WordKind.Thanks))
        {
            return last with
            {
                Target = last.Target with
                {
                    EntityIds = [], Name = null, AreaId = utterance.AreaId, FloorId = utterance.FloorId, FromSpeakerRoom = false,
                    Domain = last.Target.Domain ?? (last.Target.IsNamed ? home.Entity(last.Target.EntityIds[0])?.Domain : null),
                },
            };
        }

        return null;
    }

    private async Task<HomeReply> FallbackAsync(string transcript, CancellationToken cancellationToken)
    {
        try
        {
            var result = await client.ProcessConversationAsync(transcript, null, cancellationToken).ConfigureAwait(false);
            var response = result["response"];
            var speech = (string?)response?["speech"]?["plain"]?["speech"] ?? "";
            var code = (string?)response?["data"]?["code"];
            return (string?)response?["response_type"] == "error" && code is "no_intent_match" or null
                ? HomeReply.NotHandled
                : HomeReply.Say(speech);
        }
        catch (Exception ex) when (ex is HomeAssistantException or HomeAssistantAuthException or HttpRequestException)
        {
            return HomeReply.NotHandled;
        }
    }
}
