using Jarvis.Server.HomeAssistant.Intents;
using Jarvis.Server.HomeAssistant.Model;

namespace Jarvis.Server.HomeAssistant.Execution;

/// <summary>Turns an <see cref="IntentTarget"/> into the concrete entities of the home it means.</summary>
public static class TargetResolver
{
    /// <param name="defaultDomains">Domains meant when the words named only a place ("turn off the kitchen" → lights).</param>
    public static IReadOnlyList<HomeEntity> Resolve(IntentTarget target, HomeSnapshot home, IReadOnlyCollection<string> defaultDomains)
    {
        if (target.IsNamed)
        {
            return target.EntityIds.Select(home.Entity).OfType<HomeEntity>().ToList();
        }

        var result = new List<HomeEntity>();
        foreach (var entity in home.Entities)
        {
            var domainOk = target.Domain is null ? defaultDomains.Contains(entity.Domain) : entity.Domain == target.Domain;
            if (!domainOk || (target.DeviceClass is not null && entity.DeviceClass != target.DeviceClass))
            {
                continue;
            }

            if (target.AreaId is not null && entity.AreaId != target.AreaId)
            {
                continue;
            }

            if (target.FloorId is not null && !home.IsInFloor(entity, target.FloorId))
            {
                continue;
            }

            result.Add(entity);
        }

        return result;
    }

    /// <summary>How to say the place of a target: "in the kitchen", "on the first floor", "" for the whole home.</summary>
    public static string Where(IntentTarget target, HomeSnapshot home) =>
        home.Area(target.AreaId) is { } area ? $" in the {area.Name.ToLowerInvariant()}"
        : home.Floor(target.FloorId) is { } floor ? $" on the {floor.Name.ToLowerInvariant()}"
        : "";
}
