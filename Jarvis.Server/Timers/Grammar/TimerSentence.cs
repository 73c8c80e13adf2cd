using Jarvis.Server.HomeAssistant.Model;

namespace Jarvis.Server.Timers.Grammar;

/// <summary>
/// A recognised timer or broadcast sentence: the Home Assistant intent (<see cref="TimerIntents"/>) and what it carries.
/// </summary>
/// <param name="Intent">One of <see cref="TimerIntents"/>.</param>
public sealed record TimerSentence(string Intent)
{
    /// <summary>Start: the new timer's length. Increase/decrease: the amount added or removed.</summary>
    public SpokenDuration? Duration { get; init; }

    /// <summary>The timer meant (start: <see cref="TimerSelector.Name"/> is the new timer's name).</summary>
    public TimerSelector Selector { get; init; } = TimerSelector.Any;

    /// <summary>Start: a command to run when the delay ends instead of ringing ("open the garage door in 5 minutes").</summary>
    public string? Command { get; init; }

    /// <summary>Broadcast: what to say in every room.</summary>
    public string? Message { get; init; }

    /// <summary>Slots in the conventions of Home Assistant's timer intent tests.</summary>
    public void PutSlots(IDictionary<string, object> slots, HomeSnapshot home)
    {
        Duration?.PutSlots(slots);
        Selector.StartedFor?.PutSlots(slots, "start_");
        if (Selector.Name is { } name)
        {
            slots["name"] = name;
        }

        if (home.Area(Selector.AreaId)?.Name is { } area)
        {
            slots["area"] = area;
        }

        if (Command is not null)
        {
            slots["conversation_command"] = Command;
        }

        if (Message is not null)
        {
            slots["message"] = Message;
        }
    }
}
