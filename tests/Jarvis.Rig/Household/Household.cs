using System.Diagnostics;
using System.Text.Json.Nodes;
using Jarvis.PersonaPlex.Emulator;
using Jarvis.Rig.Direct;
using Jarvis.Rig.Processes;

namespace Jarvis.Rig.Household;

/// <summary>
/// A household on the rig: the PersonaPlex emulator (echo: the reply is the input one 80 ms frame later), the real
/// server as a process behind it (wake by voice, <c>Rooms:WakeMode</c> = <c>Vad</c>), one real satellite process per
/// room, and the direct client on a second emulator with the same settings (the baseline). Samples the satellites'
/// jitter-buffer depth from <c>/api/status</c> every 500 ms.
/// </summary>
public sealed class Household : IAsyncDisposable
{
    /// <summary>Deadline for process starts and connections on a loaded machine.</summary>
    public static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(120);

    /// <summary>Capture time after link-up before the first phrase.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource _stop = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private Task _sampling = Task.CompletedTask;

    private Household(HouseholdOptions options, PersonaPlexEmulator emulator, PersonaPlexEmulator? directEmulator, RigServer server)
    {
        Options = options;
        Emulator = emulator;
        DirectEmulator = directEmulator;
        Server = server;
    }

    public HouseholdOptions Options { get; }

    public PersonaPlexEmulator Emulator { get; }

    public PersonaPlexEmulator? DirectEmulator { get; }

    public RigServer Server { get; }

    public Dictionary<string, RigSatellite> Satellites { get; } = [];

    public DirectClient? Direct { get; private set; }

    public JitterSamples Jitter { get; } = new();

    /// <summary>The satellites' measured arrival jitter of the downlink (<c>jitterMs</c> of <c>/api/status</c>), sampled with <see cref="Jitter"/>.</summary>
    public JitterSamples ArrivalJitter { get; } = new();

    /// <summary>The satellites' jitter-buffer target (<c>bufferTargetMs</c> of <c>/api/status</c>), sampled with <see cref="Jitter"/>.</summary>
    public JitterSamples JitterTarget { get; } = new();

    /// <summary>The rig process's own stalls (started with the household), for telling them from Jarvis's delays.</summary>
    public Measure.StallWatch? Stalls { get; private set; }

    /// <summary>Time since the household started.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    public static async Task<Household> StartAsync(HouseholdOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        EnsureThreads();
        var emulator = await StartEmulatorAsync(options, cancellationToken).ConfigureAwait(false);
        var direct = options.Direct ? await StartEmulatorAsync(options, cancellationToken).ConfigureAwait(false) : null;
        var settings = new Dictionary<string, string>
        {
            ["PersonaPlex:Url"] = emulator.ChatUrl.ToString(),
            ["PersonaPlex:Mode"] = options.PersonaPlexMode,
            ["PersonaPlex:ReconnectBackoffInitial"] = "00:00:00.200",
            ["PersonaPlex:ReconnectBackoffMax"] = "00:00:00.500",
            ["Rooms:WakeMode"] = "Vad",
        };
        if (options.RotateAfter is { } rotate)
        {
            settings["PersonaPlex:RotateAfter"] = rotate.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in options.ServerSettings)
        {
            settings[key] = value;
        }

        var household = new Household(options, emulator, direct, RigServer.Start(options.Rooms, settings));
        household.Stalls = Measure.StallWatch.Start(household._started);
        try
        {
            await household.Server.WaitUpAsync(StartDeadline, cancellationToken).ConfigureAwait(false);
            foreach (var room in options.Rooms)
            {
                household.Satellites[room] = RigSatellite.Start(household.Server.LinkUri, room, RigServer.TokenOf(room), options.SatelliteSettings);
            }

            await household.WaitAsync(
                async ct => household.Satellites.Values.All(s => s.Microphone.ReaderAttached) &&
                    (await household.RoomsAsync(ct).ConfigureAwait(false)).All(r => r["online"]?.GetValue<bool>() == true),
                StartDeadline, "every satellite is online and capturing", cancellationToken).ConfigureAwait(false);
            // The satellites' first seconds of capture after the link came up do not wake anything (seen on the rig: a
            // phrase 0.5 s after link-up was never sent): let every satellite capture a while before anyone speaks.
            var settled = household.Satellites.Values.ToDictionary(s => s, s => s.Microphone.ReaderTime + Settle);
            await household.WaitAsync(_ => Task.FromResult(settled.All(s => s.Key.Microphone.ReaderTime >= s.Value)),
                StartDeadline, "every satellite has captured for a while since its link came up", cancellationToken).ConfigureAwait(false);
            household._sampling = Task.Run(() => household.SampleAsync(household._stop.Token), CancellationToken.None);
            if (direct is not null)
            {
                household.Direct = new DirectClient(direct.ChatUrl);
                await household.Direct.StartAsync(cancellationToken).ConfigureAwait(false);
            }

            return household;
        }
        catch
        {
            await household.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The rig's process takes the timestamps (emulators, direct client, microphone feeders, speaker taps) on the thread
    /// pool, and it also holds threads in blocking work (the child processes' output pipes, espeak-ng and sox). With the
    /// pool's default minimum (one thread per core: 2 here) it starved: its timer callbacks waited 0.5–1 s while the pool
    /// added threads (<see cref="Measure.StallWatch"/> saw it; a dedicated thread never stalled), and a phrase measured
    /// across such a stall came out late by as much, for Jarvis or the direct client. Enough threads from the start.
    /// </summary>
    private static void EnsureThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (workers < MinimumPoolThreads)
        {
            ThreadPool.SetMinThreads(MinimumPoolThreads, Math.Max(io, MinimumPoolThreads));
        }
    }

    private const int MinimumPoolThreads = 32;

    /// <summary>Waits until the server's PersonaPlex session is past its prompt phase (warm mode).</summary>
    public Task WaitWarmAsync(CancellationToken cancellationToken) =>
        WaitAsync(_ => Task.FromResult(Emulator.Sessions.LastOrDefault()?.Phase == SessionPhase.Streaming), StartDeadline, "the PersonaPlex session is warm", cancellationToken);

    /// <summary>The rooms that hold a conversation now.</summary>
    public async Task<IReadOnlyList<string>> ConversationRoomsAsync(CancellationToken cancellationToken) =>
        [.. (await RoomsAsync(cancellationToken).ConfigureAwait(false)).Where(r => r["conversationSlot"] is not null).Select(r => (string)r["room"]!)];

    /// <summary>The rooms waiting for an endpoint now.</summary>
    public async Task<IReadOnlyList<string>> WaitingRoomsAsync(CancellationToken cancellationToken) =>
        [.. (await RoomsAsync(cancellationToken).ConfigureAwait(false)).Where(r => r["waiting"]?.GetValue<bool>() == true).Select(r => (string)r["room"]!)];

    /// <summary>Polls <paramref name="condition"/> every 50 ms until it holds; throws with <paramref name="what"/> and the load otherwise.</summary>
    public async Task WaitAsync(Func<CancellationToken, Task<bool>> condition, TimeSpan deadline, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var started = Stopwatch.GetTimestamp();
        while (!await condition(cancellationToken).ConfigureAwait(false))
        {
            if (Stopwatch.GetElapsedTime(started) > deadline)
            {
                throw new TimeoutException($"Not within {deadline.TotalSeconds:0} s: {what} (load average {LoadAverage.Now}).{Environment.NewLine}{Diagnostics()}");
            }

            foreach (var satellite in Satellites.Values.Where(s => s.Process.HasExited))
            {
                throw new InvalidOperationException($"The {satellite.Room} satellite exited.{Environment.NewLine}{Diagnostics()}");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The last lines of every process, for failure messages.</summary>
    public string Diagnostics(int lines = 25)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine("--- server").AppendJoin(Environment.NewLine, Server.Process.InterestingLines().TakeLast(lines)).AppendLine();
        foreach (var satellite in Satellites.Values)
        {
            text.AppendLine($"--- {satellite.Room} satellite (microphone reopened {satellite.Microphone.Reopens}x, underruns {satellite.Microphone.Underruns})")
                .AppendJoin(Environment.NewLine, satellite.Process.InterestingLines().TakeLast(lines)).AppendLine();
        }

        text.AppendLine("--- emulator sessions: " + string.Join(", ", Emulator.Sessions.Select(s => $"{s.Phase} {s.Steps} steps {s.EndReason}")));
        return text.ToString();
    }

    public async Task<IReadOnlyList<JsonNode>> RoomsAsync(CancellationToken cancellationToken)
    {
        var status = await Server.StatusAsync(cancellationToken).ConfigureAwait(false);
        return [.. status["rooms"]!.AsArray().Where(r => r is not null).Select(r => r!)];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _sampling.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Stalls?.Dispose();
        if (Direct is not null)
        {
            await Direct.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var satellite in Satellites.Values)
        {
            await satellite.DisposeAsync().ConfigureAwait(false);
        }

        await Server.DisposeAsync().ConfigureAwait(false);
        await Emulator.DisposeAsync().ConfigureAwait(false);
        if (DirectEmulator is not null)
        {
            await DirectEmulator.DisposeAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private static async Task<PersonaPlexEmulator> StartEmulatorAsync(HouseholdOptions options, CancellationToken cancellationToken)
    {
        var emulator = new PersonaPlexEmulator(new EmulatorOptions
        {
            PromptSteps = options.PromptSteps,
            ComputeDelay = options.ComputeDelay,
            Echo = options.Echo,
            RecordPackets = false,
        });
        await emulator.StartAsync(0, cancellationToken).ConfigureAwait(false);
        return emulator;
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                foreach (var room in await RoomsAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (room["satellite"]?["bufferMs"] is { } buffer)
                    {
                        Jitter.Add(Elapsed, (string)room["room"]!, buffer.GetValue<double>());
                    }

                    if (room["satellite"]?["bufferTargetMs"] is { } target)
                    {
                        JitterTarget.Add(Elapsed, (string)room["room"]!, target.GetValue<double>());
                    }

                    if (room["satellite"]?["jitterMs"] is { } arrival)
                    {
                        ArrivalJitter.Add(Elapsed, (string)room["room"]!, arrival.GetValue<double>());
                    }
                }
            }
            catch (HttpRequestException)
            {
            }
        }
    }
}
