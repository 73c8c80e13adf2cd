namespace Jarvis.Server.Tests.Soak;

/// <summary>How a soak runs: its length, the household's acceleration, the fault schedule.</summary>
public sealed class SoakOptions
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Household time per real time: 48 plays a day in 30 minutes.</summary>
    public double Rate { get; init; } = 48;

    public int Seed { get; init; } = 1;

    /// <summary>Household events (wakes, commands, mutes) in a household day.</summary>
    public double EventsPerDay { get; init; } = 240;

    /// <summary>Real time between two faults; by default one per household hour.</summary>
    public TimeSpan? FaultEvery { get; init; }

    public TimeSpan FaultInterval => FaultEvery ?? TimeSpan.FromSeconds(3600 / Rate);

    /// <summary>The fault kinds injected, in turn (see <see cref="SoakFaults"/>; <see cref="FaultKindsWithout"/> leaves some out).</summary>
    public IReadOnlyList<string> FaultKinds { get; init; } = SoakFaults.Kinds;

    /// <summary>How long a killed backend stays down.</summary>
    public TimeSpan DownTime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Network cuts last between 1 s and this.</summary>
    public TimeSpan LongestCut { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Simulated satellites (rooms), besides the real one.</summary>
    public int Rooms { get; init; } = 3;

    /// <summary>Runs one real <c>jarvis-satellite</c> process (the rig's) through the fault proxy as well.</summary>
    public bool RealSatellite { get; init; } = true;

    /// <summary>Latency, jitter and stall probability of the satellites' network (the fault proxy in front of the server).</summary>
    public TimeSpan NetworkLatency { get; init; } = TimeSpan.FromMilliseconds(5);

    public TimeSpan NetworkJitter { get; init; } = TimeSpan.FromMilliseconds(10);

    public double StallProbability { get; init; } = 0.001;

    public TimeSpan QuietPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a step of a scene (a wake, a reply) may take before the conversation counts as dropped.</summary>
    public TimeSpan StepDeadline { get; init; } = TimeSpan.FromSeconds(8);

    public TimeSpan TurnDeadline { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>A fault not recovered within this long after its repair counts as not recovered.</summary>
    public TimeSpan RecoveryDeadline { get; init; } = TimeSpan.FromSeconds(90);

    public TimeSpan SampleEvery { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Resource slopes are computed over each server process's samples from this long after its first one.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Every kind except <paramref name="excluded"/> (a comma-separated list, e.g. <c>server-restart,broker</c>), in
    /// <see cref="SoakFaults.Kinds"/> order; an unknown kind is an <see cref="ArgumentException"/> that lists the kinds.</summary>
    public static IReadOnlyList<string> FaultKindsWithout(string excluded)
    {
        var names = excluded.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.FirstOrDefault(n => !SoakFaults.Kinds.Contains(n)) is { } unknown)
        {
            throw new ArgumentException($"unknown fault kind '{unknown}': the kinds are {string.Join(", ", SoakFaults.Kinds)}");
        }

        return [.. SoakFaults.Kinds.Except(names)];
    }
}
