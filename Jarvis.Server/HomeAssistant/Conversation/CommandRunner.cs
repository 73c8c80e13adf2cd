using Jarvis.Server.HomeAssistant.Client;
using Jarvis.Server.HomeAssistant.Execution;
using Jarvis.Server.HomeAssistant.Intents;
using Jarvis.Server.HomeAssistant.Model;
using Jarvis.Server.HomeAssistant.Scenes;

namespace Jarvis.Server.HomeAssistant.Conversation;

/// <summary>
/// Runs the steps of one turn: completes targets from the room's context, answers questions, asks back on ambiguity,
/// says clearly when a name is unknown, executes, and confirms once for all steps.
/// </summary>
public sealed class CommandRunner(HomeAssistantClient client, IntentExecutor executor, SceneSaver scenes)
{
    internal async Task<HomeOutcome> RunAsync(IReadOnlyList<IntentMatch> steps, string transcript, RoomContext room, CancellationToken cancellationToken)
    {
        var actions = new List<HomeAction>();
        var answers = new List<string>();
        var problems = new List<string>();
        var saved = new List<string>();
        foreach (var step in steps)
        {
            var home = client.Model.Snapshot;
            var match = FromContext(step, room, home);
            if (match.Intent == IntentNames.SaveScene)
            {
                var (speech, action) = await scenes.SaveAsync(match, cancellationToken).ConfigureAwait(false);
                (action is { Succeeded: true } ? saved : problems).Add(speech);
                actions.AddRange(action is null ? [] : [action]);
                continue;
            }

            if (match.Intent is IntentNames.GetState or IntentNames.ClimateGetTemperature)
            {
                answers.Add(StateAnswerer.Answer(match, client.Model));
                room.LastMatch = match;
                continue;
            }

            var entities = TargetResolver.Resolve(match.Target, home, DefaultDomains(match.Intent));
            if (UnknownName(match, transcript, home) is { } unknown)
            {
                problems.Add($"Sorry, I don't know a device called {unknown}.");
                continue;
            }

            if (entities.Count == 0)
            {
                problems.Add($"I couldn't find any {What(match)}{TargetResolver.Where(match.Target, home)}.");
                continue;
            }

            if (match.Target.IsNamed && entities.Select(e => e.AreaId).Distinct().Count() > 1 && match.Target.AreaId is null)
            {
                room.PendingChoice = match;
                room.PendingChoices = entities.Select(e => e.EntityId).ToList();
                var places = entities.Select(e => home.Area(e.AreaId)?.Name.ToLowerInvariant() ?? "without a room").Distinct();
                return new HomeDialogue($"Which {entities[0].Name}: the one in the {string.Join(" or the one in the ", places)}?", DialogueAct.Clarify);
            }

            var done = await executor.ExecuteAsync(match, entities, cancellationToken).ConfigureAwait(false);
            if (done.Count == 0)
            {
                problems.Add($"Sorry, I can't do that with {entities[0].Name}.");
                continue;
            }

            actions.AddRange(done);
            room.LastMatch = match;
            room.LastTargets = entities.Select(e => e.EntityId).ToList();
        }

        return Outcome(actions, answers, problems, saved, client.Model);
    }

    /// <summary>"them", "make it 70 %", "dim a bit": the previous command's devices.</summary>
    private static IntentMatch FromContext(IntentMatch match, RoomContext room, HomeSnapshot home)
    {
        var followUp = match.Target.IsPronoun
            || (match.Target.IsUnspecified && (match.BrightnessStep is not null || match.TemperatureStep is not null));
        if (!followUp)
        {
            return match;
        }

        if (room.LastTargets.Count == 0)
        {
            // Nothing to refer back to: "dim them" means the lights of the speaker's room.
            return match.Target.AreaId is null && match.Target.FloorId is null
                ? match with { Target = match.Target with { AreaId = room.AreaId, FromSpeakerRoom = true } }
                : match;
        }

        var first = home.Entity(room.LastTargets[0]);
        var adjusted = match.Intent == IntentNames.LightSet && match.Brightness is { } value && first?.Domain is "cover" or "valve"
            ? new IntentMatch(IntentNames.SetPosition, match.Target) { Position = value }
            : match;
        return adjusted with { Target = adjusted.Target with { EntityIds = room.LastTargets, Name = first?.Name, Domain = first?.Domain } };
    }

    private static IReadOnlyCollection<string> DefaultDomains(string intent) => intent switch
    {
        IntentNames.ClimateSetTemperature or IntentNames.ClimateSetMode or IntentNames.ClimateSetFanMode => ["climate"],
        IntentNames.SetPosition => ["cover", "valve"],
        IntentNames.MediaPause or IntentNames.MediaUnpause or IntentNames.MediaNext or IntentNames.MediaPrevious
            or IntentNames.SetVolume or IntentNames.SetVolumeRelative => ["media_player"],
        IntentNames.VacuumStart or IntentNames.VacuumReturnToBase => ["vacuum"],
        _ => ["light"],
    };

    /// <summary>The words that should have named a device, when none of them is known (null when the target is clear).</summary>
    internal static string? UnknownName(IntentMatch match, string transcript, HomeSnapshot home)
    {
        if (match.Intent is IntentNames.GetState or IntentNames.ClimateGetTemperature or IntentNames.SaveScene
            || match.Target.IsNamed || match.Target.Domain is not null || match.Target.IsPronoun)
        {
            return null;
        }

        var unknown = IntentRecognizer.Analyze(transcript, home, null).Tags
            .Where(t => t.IsFiller && !FillerWords.Contains(t.Text)).Select(t => t.Text).ToList();
        return unknown.Count == 0 ? null : $"\"{string.Join(' ', unknown)}\"";
    }

    private static string What(IntentMatch match) =>
        match.Target.DeviceClass?.Replace('_', ' ') + "s" is { Length: > 1 } deviceClass && match.Target.DeviceClass is not null ? deviceClass
        : match.Target.Domain == "climate" ? "thermostats"
        : match.Target.Domain?.Replace('_', ' ') is { } domain ? domain + "s"
        : "devices";

    /// <summary>
    /// One outcome for the whole turn: a failure (said first), the answers, or done with one short confirmation
    /// ("The garage door is closed.", "Saved Movie Night.", "Done.").
    /// </summary>
    private static HomeOutcome Outcome(List<HomeAction> actions, List<string> answers, List<string> problems, List<string> saved, HomeModel model)
    {
        var failed = actions.Where(a => !a.Succeeded).ToList();
        if (failed.Count > 0)
        {
            return new HomeFailed($"Sorry, that didn't work: {failed[0].Error}.", actions);
        }

        if (problems.Count > 0)
        {
            return new HomeFailed(string.Join(' ', actions.Count > 0 ? [.. problems, .. answers, "The rest is done."] : [.. problems, .. answers]), actions);
        }

        if (answers.Count > 0)
        {
            return new HomeAnswer(string.Join(' ', answers), actions);
        }

        if (saved.Count > 0)
        {
            return new HomeDone(actions, string.Join(' ', saved));
        }

        if (actions is [{ Domain: "cover" or "lock" or "valve", EntityIds: [var id] }] && model.Snapshot.Entity(id) is { } entity)
        {
            return new HomeDone(actions, $"The {entity.Name.ToLowerInvariant()} is {SpokenState.Say(entity, model.State(id))}.");
        }

        return new HomeDone(actions, "Done.");
    }
}
