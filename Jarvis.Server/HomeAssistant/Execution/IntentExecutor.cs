using Jarvis.Server.HomeAssistant.Client;
using Jarvis.Server.HomeAssistant.Intents;
using Jarvis.Server.HomeAssistant.Model;
using Microsoft.Extensions.Options;

namespace Jarvis.Server.HomeAssistant.Execution;

/// <summary>
/// Runs a recognised command: plans the service calls, sends them, and confirms each from the resulting state change
/// (bounded by <see cref="HomeAssistantOptions.ConfirmTimeout"/>). Failures come back as failed actions, never thrown.
/// </summary>
public sealed class IntentExecutor(HomeAssistantClient client, IOptions<HomeAssistantOptions> options, TimeProvider time)
{
    public async Task<IReadOnlyList<HomeAction>> ExecuteAsync(IntentMatch match, IReadOnlyList<HomeEntity> entities, CancellationToken cancellationToken)
    {
        var actions = new List<HomeAction>();
        foreach (var call in ActionPlanner.Plan(match, entities, client.Model))
        {
            actions.Add(await RunAsync(call, cancellationToken).ConfigureAwait(false));
        }

        return actions;
    }

    public async Task<HomeAction> RunAsync(ServiceCall call, CancellationToken cancellationToken)
    {
        var data = call.Data.ToJsonString();
        try
        {
            await client.CallServiceAsync(call.Domain, call.Service, call.Data, call.EntityIds, cancellationToken).ConfigureAwait(false);
            if (call.Confirms is { } confirms && call.EntityIds.Count > 0
                && !await client.Model.WaitForStatesAsync(call.EntityIds, confirms, options.Value.ConfirmTimeout, time, cancellationToken).ConfigureAwait(false))
            {
                return new HomeAction(call.Domain, call.Service, call.EntityIds, data, false, "the device did not confirm the change");
            }

            return new HomeAction(call.Domain, call.Service, call.EntityIds, data, true);
        }
        catch (HomeAssistantAuthException ex)
        {
            return new HomeAction(call.Domain, call.Service, call.EntityIds, data, false, ex.Message);
        }
        catch (HomeAssistantException ex)
        {
            return new HomeAction(call.Domain, call.Service, call.EntityIds, data, false, ex.Message);
        }
        catch (HttpRequestException ex)
        {
            return new HomeAction(call.Domain, call.Service, call.EntityIds, data, false, $"Home Assistant is unreachable ({ex.Message})");
        }
    }
}
