using System.Collections.Concurrent;
using Jarvis.Server.HomeAssistant.Client;
using Jarvis.Server.HomeAssistant.Intents;
using Jarvis.Server.HomeAssistant.Model;
using Jarvis.Server.Routing.Features;

namespace Jarvis.Server.HomeAssistant.Conversation;

/// <summary>
/// The home engine (<see cref="IHomeEngine"/>): every transcript comes here first. Dialogue turns (offers, yes/no, thanks,
/// "which one?"), multi-step commands, follow-ups that refer to the last devices, local intents first and HA's own
/// <c>conversation/process</c> as fallback for what looks like a home command. In duplex mode the model's words
/// (<see cref="IModelWordsListener"/>) are dialogue context: its offers can be accepted. Whether Home Assistant is
/// configured, authorised and loaded is decided here, once for every caller.
/// </summary>
public sealed class HomeConversation(HomeAssistantClient client, CommandRunner runner, TimeProvider time) : IHomeEngine, IModelWordsListener
{
    private static readonly TimeSpan ContextLifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, RoomContext> _rooms = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ModelWords> _modelWords = new(StringComparer.OrdinalIgnoreCase);

    public void OnModelWords(string room, string piece) => _modelWords.GetOrAdd(room, _ => new ModelWords(time)).Add(piece);

    public async Task<HomeOutcome> HandleAsync(HomeRequest request, CancellationToken cancellationToken)
    {
        if (Unavailable() is { } problem)
        {
            // Say what is wrong only to someone who asked the home for something.
            return LooksLikeHomeCommand(request.Transcript) ? new HomeFailed(problem) : HomeNotHandled.Instance;
        }

        var home = client.Model.Snapshot;
        var areaId = home.ResolveRoom(request.Room)?.Id;
        var room = _rooms.GetOrAdd(areaId ?? request.Room, _ => new RoomContext(areaId));
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

            HearModel(request, home, areaId, room);
            var outcome = await TurnAsync(request, home, areaId, room, cancellationToken).ConfigureAwait(false);
            room.LastAt = time.GetUtcNow();
            return outcome;
        }
        finally
        {
            room.Gate.Release();
        }
    }

    public bool IsCompleteCommand(HomeRequest request)
    {
        if (Unavailable() is not null || EndsOpen(request.Transcript))
        {
            return false;
        }

        var home = client.Model.Snapshot;
        var areaId = home.ResolveRoom(request.Room)?.Id;
        if (_rooms.TryGetValue(areaId ?? request.Room, out var room) && room.LastAt + ContextLifetime >= time.GetUtcNow()
            && (room.PendingOffer is not null || room.PendingChoice is not null))
        {
            return false;
        }

        if (_modelWords.TryGetValue(request.Room, out var words)
            && words.PeekUntil(request.EndOfSpeechAt).Any(s => ModelOffers.Read(s, home, areaId).Offer is not null))
        {
            // The model offered something: "yeah" may go on with a place.
            return false;
        }

        var steps = StepSplitter.Split(request.Transcript);
        return steps.Count > 1 && steps.All(s => IsCompleteStep(s, request.Transcript, home, areaId))
            || IsCompleteStep(request.Transcript, request.Transcript, home, areaId);
    }

    /// <summary>A step the local engine matches by itself, about the home, naming nothing unknown (no follow-up, no fallback).</summary>
    private static bool IsCompleteStep(string text, string transcript, HomeSnapshot home, string? areaId) =>
        IntentRecognizer.Recognize(text, home, areaId) is { } match
        && CommandShape.IsAboutTheHome(IntentRecognizer.Analyze(text, home, areaId), match)
        && CommandRunner.UnknownName(match, transcript, home) is null;

    /// <summary>"turn on the lights and", "set the heat in the": the sentence is not over.</summary>
    private static bool EndsOpen(string transcript)
    {
        var words = transcript.TrimEnd(' ', '.', ',', '!', '?', '…').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 || OpenEndings.Contains(words[^1]);
    }

    private static readonly HashSet<string> OpenEndings = new(
        ["and", "or", "but", "then", "also", "in", "the", "a", "an", "to", "at", "of", "with", "for", "by", "my", "our", "into", "from"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The one place that knows whether the home can be controlled at all (null when it can).</summary>
    private string? Unavailable() =>
        !client.IsConfigured ? "Home control isn't set up yet: set HomeAssistant:Url and HomeAssistant:Token in jarvis.json."
        : client.Status.State == HomeAssistantConnectionState.AuthFailed ? $"I can't control the home: {client.Status.Detail}."
        : !client.Model.IsLoaded ? "I can't reach Home Assistant right now."
        : null;

    private bool LooksLikeHomeCommand(string transcript)
    {
        var home = client.Model.Snapshot;
        return (IntentRecognizer.Recognize(transcript, home, null) is { } match && CommandShape.IsAboutTheHome(IntentRecognizer.Analyze(transcript, home, null), match))
            || HomeCommandDetector.LooksLikeHomeCommand(transcript);
    }

    /// <summary>What the model said in the room before the user finished speaking, in order: its offers and questions.</summary>
    private void HearModel(HomeRequest request, HomeSnapshot home, string? areaId, RoomContext room)
    {
        if (!_modelWords.TryGetValue(request.Room, out var words))
        {
            return;
        }

        foreach (var sentence in words.TakeUntil(request.EndOfSpeechAt))
        {
            DialogueTurns.ModelSaid(ModelOffers.Read(sentence, home, areaId), room);
        }
    }

    private async Task<HomeOutcome> TurnAsync(HomeRequest request, HomeSnapshot home, string? areaId, RoomContext room, CancellationToken cancellationToken)
    {
        var transcript = request.Transcript;
        var utterance = IntentRecognizer.Analyze(transcript, home, areaId);
        if (DialogueTurns.Answer(utterance, room) is { } pending)
        {
            return pending.Run is { } run
                ? await runner.RunAsync([run], transcript, room, cancellationToken).ConfigureAwait(false)
                : pending.Line!;
        }

        var steps = StepSplitter.Split(transcript);
        var matches = steps.Count > 1 ? steps.Select(s => Recognize(s, home, areaId, room)).ToList() : [];
        if (matches.Count == 0 || matches.Any(m => m is null))
        {
            matches = [Recognize(transcript, home, areaId, room)];
        }

        if (matches[0] is null)
        {
            if (request.EngineSpeaks && DialogueTurns.Offer(utterance, room, areaId) is { } offer)
            {
                return offer;
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
        var utterance = IntentRecognizer.Analyze(text, home, areaId);
        var match = IntentRecognizer.Recognize(text, home, areaId);
        if (match is not null)
        {
            return CommandShape.IsAboutTheHome(utterance, match) ? match : null;
        }

        if (room.LastMatch is { } last && (utterance.AreaId is not null || utterance.FloorId is not null) && !utterance.IsQuestion
            && !utterance.Has(WordKind.Affirm) && !utterance.Has(WordKind.Thanks) && !utterance.Has(WordKind.Reasoning))
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

    /// <summary>
    /// Home Assistant's own agent, for what the local engine did not match but looks like a home command. Only then: the
    /// agent may be an LLM that answers anything, and every sentence of the conversation reaches this engine.
    /// </summary>
    private async Task<HomeOutcome> FallbackAsync(string transcript, CancellationToken cancellationToken)
    {
        if (!HomeCommandDetector.LooksLikeHomeCommand(transcript))
        {
            return HomeNotHandled.Instance;
        }

        try
        {
            var result = await client.ProcessConversationAsync(transcript, null, cancellationToken).ConfigureAwait(false);
            var response = result["response"];
            var speech = ((string?)response?["speech"]?["plain"]?["speech"] ?? "").Trim();
            var code = (string?)response?["data"]?["code"];
            return (string?)response?["response_type"] switch
            {
                "error" when code is "no_intent_match" or null => HomeNotHandled.Instance,
                "action_done" => new HomeDone([], speech.Length > 0 ? speech : "Done."),
                _ when speech.Length == 0 => HomeNotHandled.Instance,
                "error" => new HomeFailed(speech),
                _ => new HomeAnswer(speech),
            };
        }
        catch (Exception ex) when (ex is HomeAssistantException or HomeAssistantAuthException or HttpRequestException)
        {
            return HomeNotHandled.Instance;
        }
    }
}
