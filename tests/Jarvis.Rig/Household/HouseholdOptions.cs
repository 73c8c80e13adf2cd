namespace Jarvis.Rig.Household;

/// <summary>How a household rig is set up.</summary>
public sealed class HouseholdOptions
{
    /// <summary>Rooms, each with a satellite process.</summary>
    public IReadOnlyList<string> Rooms { get; init; } = ["kitchen"];

    /// <summary><c>PersonaPlex:Mode</c>: <c>Warm</c> or <c>OnDemand</c>.</summary>
    public string PersonaPlexMode { get; init; } = "Warm";

    /// <summary><c>PersonaPlex:RotateAfter</c> (null: the server's default).</summary>
    public TimeSpan? RotateAfter { get; init; }

    /// <summary>Model time per 80 ms frame in both emulators (<c>--compute-ms</c>).</summary>
    public TimeSpan ComputeDelay { get; init; }

    /// <summary>Prompt-phase steps of 20 ms in both emulators (75: 1.5 s, enough to fill the server's 1 s queue).</summary>
    public int PromptSteps { get; init; } = 75;

    /// <summary>The emulator echoes the input (true) or answers with digital silence (false: every sound in the speaker is Jarvis's own).</summary>
    public bool Echo { get; init; } = true;

    /// <summary>Whether to run the direct client (the baseline) on a second emulator.</summary>
    public bool Direct { get; init; } = true;

    /// <summary>More server configuration (<c>Rooms:QuietPeriod</c>…), written into jarvis.json.</summary>
    public IReadOnlyDictionary<string, string> ServerSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>More configuration for every satellite (<c>Logging:LogLevel:…</c>…), given on its command line.</summary>
    public IReadOnlyDictionary<string, string> SatelliteSettings { get; init; } = new Dictionary<string, string>();
}
