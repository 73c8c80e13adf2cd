namespace Jarvis.Server.Timers.Grammar;

/// <summary>
/// Which timer a sentence means: by name ("the pizza timer"), by area ("the kitchen timer"), by the length it was started
/// with ("the 1 hour timer"), or none of these (the only timer, or the one that ends first in the speaker's room).
/// </summary>
public sealed record TimerSelector(string? Name = null, string? AreaId = null, SpokenDuration? StartedFor = null)
{
    public static TimerSelector Any { get; } = new();

    public bool IsAny => Name is null && AreaId is null && StartedFor is null;
}
