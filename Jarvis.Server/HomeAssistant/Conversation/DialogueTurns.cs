using Jarvis.Server.HomeAssistant.Intents;

namespace Jarvis.Server.HomeAssistant.Conversation;

/// <summary>
/// Turns that are about the dialogue rather than a device: answering an open offer or "which one?", thanks, offering help
/// after an observation ("It's getting dark" → "Want me to turn on some lights?"), and the model's own offers in duplex mode.
/// </summary>
internal static class DialogueTurns
{
    /// <summary>
    /// A reply to an open offer/question, a thanks, or null when the turn is something else. Either a line to say, or the
    /// command the reply completes (an accepted offer, the device picked).
    /// </summary>
    public static (HomeDialogue? Line, IntentMatch? Run)? Answer(Utterance u, RoomContext room)
    {
        if (room.PendingOffer is { } offer)
        {
            room.PendingOffer = null;
            if (u.Has(WordKind.Negate))
            {
                return (new HomeDialogue("OK.", DialogueAct.Acknowledge), null);
            }

            var commandGiven = IntentRecognizer.Recognize(string.Join(' ', u.Tokens), u.Home, u.SpeakerAreaId) is not null;
            if (!commandGiven && (u.Has(WordKind.Affirm) || u.AreaId is not null || u.FloorId is not null))
            {
                var target = u.AreaId is not null || u.FloorId is not null
                    ? offer.Target with { AreaId = u.AreaId, FloorId = u.FloorId, FromSpeakerRoom = false }
                    : offer.Target;
                return (null, offer with { Target = target });
            }
        }

        if (room.PendingChoice is { } choice)
        {
            room.PendingChoice = null;
            var picked = room.PendingChoices
                .Where(id => u.Home.Entity(id) is { } e && (e.AreaId == u.AreaId || u.Tags.Any(t => t.Names.Any(n => n.Id == id))))
                .ToList();
            if (picked.Count > 0)
            {
                return (null, choice with { Target = choice.Target with { EntityIds = picked } });
            }
        }

        // "Perfect" closes a home exchange; with no recent home command it is someone else's to answer.
        if (room.LastMatch is not null && u.Has(WordKind.Thanks) && u.Tags.All(t => t.IsFiller || t.Is(WordKind.Thanks) || t.Is(WordKind.Affirm)))
        {
            return (new HomeDialogue("Glad to help.", DialogueAct.Thanks), null);
        }

        return null;
    }

    /// <summary>Offers a command after an observation; remembers it so that "yes" or a place runs it.</summary>
    public static HomeDialogue? Offer(Utterance u, RoomContext room, string? areaId)
    {
        var observation = u.Words(WordKind.Observation).Select(w => w.Value).FirstOrDefault();
        var lights = new IntentTarget { Domain = "light", AreaId = areaId, FromSpeakerRoom = areaId is not null };
        switch (observation)
        {
            case "dark":
                room.PendingOffer = new IntentMatch(IntentNames.TurnOn, lights);
                return new HomeDialogue("Want me to turn on some lights?", DialogueAct.Offer);
            case "bright":
                room.PendingOffer = new IntentMatch(IntentNames.LightSet, lights) { BrightnessStep = -30 };
                return new HomeDialogue("Shall I dim the lights?", DialogueAct.Offer);
            default:
                return null;
        }
    }

    /// <summary>
    /// The model said something in the room: an offer becomes the open offer (a yes, or a place, carries it out there);
    /// any other question it asks replaces it (the user's next yes answers that question, not the old offer).
    /// </summary>
    public static void ModelSaid(ModelSentence said, RoomContext room)
    {
        if (said.Offer is { } offer)
        {
            room.PendingOffer = offer;
        }
        else if (said.IsQuestion)
        {
            room.PendingOffer = null;
        }
    }
}
