using Jarvis.Server.Timers.Grammar;

namespace Jarvis.Server.Timers;

/// <summary>
/// One timer, owned by the room it was started in. Running: it ends at <see cref="EndsAt"/>. Paused: <see cref="PausedLeft"/>
/// is what remains. Stored as is in the state directory, so it outlives a restart.
/// </summary>
/// <param name="Id">Stable id (MQTT discovery, status API).</param>
/// <param name="Room">The room it rings in.</param>
/// <param name="Name">The name it was given ("pizza"), if any.</param>
/// <param name="StartedFor">The length it was started with, as said ("the 5 minute timer").</param>
/// <param name="CreatedAt">When it was started.</param>
public sealed record RoomTimer(string Id, string Room, string? Name, SpokenDuration StartedFor, DateTimeOffset CreatedAt)
{
    /// <summary>When a running timer ends (kept while paused, but then meaningless).</summary>
    public DateTimeOffset EndsAt { get; init; }

    /// <summary>What remains of a paused timer (null while running).</summary>
    public TimeSpan? PausedLeft { get; init; }

    /// <summary>A command run when it ends, instead of ringing ("open the garage door in 5 minutes").</summary>
    public string? Command { get; init; }

    public bool IsPaused => PausedLeft is not null;

    public TimeSpan Left(DateTimeOffset now) => PausedLeft ?? (EndsAt > now ? EndsAt - now : TimeSpan.Zero);

    /// <summary>How it is called in answers: "pizza timer", "5 minute timer".</summary>
    public string Label => Name is { } name ? $"{name} timer" : $"{TimerPhrases.Compact(StartedFor.Length)} timer";
}
