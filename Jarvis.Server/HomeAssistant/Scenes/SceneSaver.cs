using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jarvis.Server.HomeAssistant.Client;
using Jarvis.Server.HomeAssistant.Execution;
using Jarvis.Server.HomeAssistant.Intents;

namespace Jarvis.Server.HomeAssistant.Scenes;

/// <summary>
/// "Save this as movie night": snapshots the devices of the room into a new HA scene (<c>scene.create</c> with
/// <c>snapshot_entities</c>); saying "movie night" later activates <c>scene.movie_night</c> like any scene.
/// </summary>
public sealed partial class SceneSaver(HomeAssistantClient client, IntentExecutor executor, Microsoft.Extensions.Options.IOptions<HomeAssistantOptions> options, TimeProvider time)
{
    private static readonly HashSet<string> SnapshotDomains = ["light", "switch", "fan", "cover", "media_player", "climate"];

    public async Task<(string Speech, HomeAction? Action)> SaveAsync(IntentMatch match, CancellationToken cancellationToken)
    {
        var home = client.Model.Snapshot;
        var sceneId = NonWord().Replace((match.SceneName ?? "").ToLowerInvariant(), "_").Trim('_');
        if (sceneId.Length == 0)
        {
            return ("What should I call the scene?", null);
        }

        var entities = home.Entities.Where(e => SnapshotDomains.Contains(e.Domain) && (match.Target.AreaId is null || e.AreaId == match.Target.AreaId))
            .Select(e => e.EntityId).ToList();
        if (entities.Count == 0)
        {
            return ($"There's nothing to save{TargetResolver.Where(match.Target, home)}.", null);
        }

        var data = new JsonObject
        {
            ["scene_id"] = sceneId,
            ["snapshot_entities"] = new JsonArray(entities.Select(id => (JsonNode?)JsonValue.Create(id)).ToArray()),
        };
        var call = new ServiceCall("scene", "create", data, [], null);
        var action = await executor.RunAsync(call, cancellationToken).ConfigureAwait(false);
        if (action.Succeeded)
        {
            var created = "scene." + sceneId;
            if (!await client.Model.WaitForStatesAsync([created], _ => true, options.Value.ConfirmTimeout, time, cancellationToken).ConfigureAwait(false))
            {
                return ($"I asked Home Assistant to save {match.SceneName}, but it hasn't appeared yet.", action with { EntityIds = [created] });
            }

            return ($"Saved {match.SceneName}.", action with { EntityIds = [created] });
        }

        return ($"Sorry, I couldn't save the scene: {action.Error}.", action);
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();
}
