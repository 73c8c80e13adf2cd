using System.Globalization;
using Jarvis.Server.HomeAssistant.Intents;
using Jarvis.Server.HomeAssistant.Model;

namespace Jarvis.Server.HomeAssistant.Execution;

/// <summary>Answers state and temperature questions from the live model (no call to Home Assistant needed).</summary>
public static class StateAnswerer
{
    public static string Answer(IntentMatch match, HomeModel model)
    {
        var home = model.Snapshot;
        if (match.Intent == IntentNames.ClimateGetTemperature)
        {
            return Temperature(match, model);
        }

        var entities = TargetResolver.Resolve(match.Target, home, []);
        if (match.Target.IsNamed && entities.Count > 0)
        {
            var entity = entities[0];
            var state = model.State(entity.EntityId);
            if (match.State is null)
            {
                return $"{entity.Name} is {SpokenState.Say(entity, state)}.";
            }

            return state?.State == match.State ? "Yes." : $"No, {entity.Name.ToLowerInvariant()} is {SpokenState.Say(entity, state)}.";
        }

        if (entities.Count == 0)
        {
            return $"I couldn't find anything like that{TargetResolver.Where(match.Target, home)}.";
        }

        var matching = entities.Where(e => model.State(e.EntityId)?.State == match.State).Select(e => e.Name).ToList();
        return match.Query switch
        {
            QueryForm.Count => matching.Count.ToString(CultureInfo.InvariantCulture) + ".",
            QueryForm.All => matching.Count == entities.Count ? "Yes." : $"No, not {List(entities.Select(e => e.Name).Except(matching).ToList())}.",
            QueryForm.Which => matching.Count == 0 ? "None." : $"{List(matching)}.",
            _ => matching.Count == 0 ? "No." : $"Yes, {List(matching)}.",
        };
    }

    private static string Temperature(IntentMatch match, HomeModel model)
    {
        var home = model.Snapshot;
        var climates = TargetResolver.Resolve(match.Target, home, ["climate"]).Where(e => e.Domain == "climate").ToList();
        foreach (var climate in climates)
        {
            if (model.State(climate.EntityId)?.NumericAttribute("current_temperature") is { } current)
            {
                return $"It's {current.ToString("0.#", CultureInfo.InvariantCulture)} degrees{TargetResolver.Where(match.Target, home)}.";
            }
        }

        var sensors = TargetResolver.Resolve(match.Target with { Domain = "sensor", DeviceClass = "temperature", EntityIds = [] }, home, []);
        foreach (var sensor in sensors)
        {
            if (model.State(sensor.EntityId) is { } state && double.TryParse(state.State, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return $"It's {value.ToString("0.#", CultureInfo.InvariantCulture)} degrees{TargetResolver.Where(match.Target, home)}.";
            }
        }

        return $"I don't have a temperature reading{TargetResolver.Where(match.Target, home)}.";
    }

    private static string List(IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Concat(names) : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
}
