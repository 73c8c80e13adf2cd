using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Jarvis.Rig.Audio;
using Jarvis.Rig.Household;
using Jarvis.Rig.Processes;
using Jarvis.Server.Tests.Conversation;
using Jarvis.Server.Tests.Emulators.Ollama;
using Jarvis.Server.Tests.Emulators.Wyoming;
using Jarvis.Server.Tests.HomeAssistant.Emulator;

namespace Jarvis.Server.Tests.Rig;

/// <summary>
/// The home on the rig (issue 11): the kitchen's real satellite process, the real server with the Home Assistant emulator
/// loaded with the plan's home (<c>Answering/Fixtures/plan-home.json</c>, the kitchen satellite in HA's Kitchen), the Wyoming
/// ASR (strict: <see cref="ExpectedUtterances"/>) and TTS emulators and the Ollama emulator. PersonaPlex answers with digital
/// silence (its words are scripted text pieces), so every sound in the speaker is Jarvis's own: the confirmation earcon or
/// speech. Phrases are espeak-ng speech fed into the microphone at real time.
/// </summary>
public sealed class HomeScenario : IAsyncDisposable
{
    /// <summary>A 10 ms window of the speaker at or above this level is sound.</summary>
    public const double SoundDbfs = -45;

    /// <summary>Level of the user's speech at the microphone (dBFS RMS of its speech).</summary>
    private const double SpeechDbfs = -20;

    /// <summary>Silence in the speaker after which what a turn played is taken as over.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(700);

    /// <summary>Time after a turn is recorded for what it plays to reach the speaker.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(600);

    private readonly string _ratings = Path.Combine(Path.GetTempPath(), $"rig-ratings-{Guid.NewGuid():N}.jsonl");
    private readonly HashSet<string> _seenTurns = [];

    private HomeScenario(HomeAssistantEmulator homeAssistant) => HomeAssistant = homeAssistant;

    public HomeAssistantEmulator HomeAssistant { get; }

    public EmulatedHome Home => HomeAssistant.Home;

    public WyomingAsrEmulator Asr { get; } = new();

    public WyomingTtsEmulator Tts { get; } = new() { SupportsStreaming = true };

    public OllamaEmulator Ollama { get; } = new();

    public ExpectedUtterances Expected { get; } = new();

    /// <summary>Home Assistant call latencies: the satellite read the end of the phrase's speech → the emulator got the call (ms), per phrase.</summary>
    public List<(string Said, double Milliseconds)> CallLatencies { get; } = [];

    public static async Task<HomeScenario> StartAsync()
    {
        var scenario = new HomeScenario(await HomeAssistantEmulator.StartAsync(EmulatedHome.FromFixtures(ConversationFixture.PlanHome)).ConfigureAwait(false));
        scenario.Asr.Transcriber = scenario.Expected.Transcribe;
        scenario.Asr.Start();
        scenario.Tts.Start();
        await scenario.Ollama.StartAsync().ConfigureAwait(false);
        scenario.Ollama.Answer = _ => "Why did the lamp go to school? To get brighter.";
        return scenario;
    }

    /// <summary>The kitchen in <paramref name="mode"/> (<c>Duplex</c> or <c>Pipeline</c>), PersonaPlex silent, the backends configured.</summary>
    public HouseholdOptions Options(string mode) => new()
    {
        Direct = false,
        Echo = false,
        RotateAfter = TimeSpan.FromHours(1),
        ServerSettings = new Dictionary<string, string>
        {
            ["Conversation:Mode"] = mode,
            ["Speech:Asr:Uri"] = Asr.Uri.ToString(),
            ["Speech:Tts:Uri"] = Tts.Uri.ToString(),
            ["Ollama:Url"] = Ollama.Url.ToString(),
            ["HomeAssistant:Url"] = HomeAssistant.Url,
            ["HomeAssistant:Token"] = HomeAssistant.Token,
            ["Routing:RatingsPath"] = _ratings,
            ["Rooms:QuietPeriod"] = "00:01:00",
        },
        // The satellite logs each flush of its playback ("Playback flushed (Cut)"): PersonaPlex's audio cut for an answer.
        SatelliteSettings = new Dictionary<string, string> { ["Logging:LogLevel:Jarvis.Satellite.Link"] = "Debug" },
    };

    /// <summary>
    /// Waits for the warm PersonaPlex session and the home loaded from Home Assistant, then wakes the kitchen by voice and
    /// waits for its conversation. Returns what came of the wake phrase.
    /// </summary>
    public async Task<Said> WakeAsync(Household household, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        await household.WaitWarmAsync(cancellationToken).ConfigureAwait(false);
        await household.WaitAsync(ct => HomeAssistantConnectedAsync(household.Server, ct), Household.StartDeadline,
            "the server is connected to Home Assistant", cancellationToken).ConfigureAwait(false);
        // The wake phrase is an utterance of the conversation it starts: the server transcribes it like any other.
        var wake = await SayAsync(household, "Hey Jarvis", cancellationToken).ConfigureAwait(false);
        await household.WaitAsync(async ct => (await household.ConversationRoomsAsync(ct).ConfigureAwait(false)).Contains("kitchen"),
            Household.StartDeadline, "a conversation in the kitchen", cancellationToken).ConfigureAwait(false);
        return wake;
    }

    /// <summary>
    /// The user says <paramref name="said"/> in the kitchen (its transcript announced to the ASR emulator); waits until the
    /// server records its turn and whatever the turn plays has finished.
    /// </summary>
    public async Task<Said> SayAsync(Household household, string said, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        var kitchen = Kitchen(household);
        var clip = SpokenClip.Say(said, SpeechDbfs);
        var onset = Energy.Onset(clip, 0, Energy.SilenceDbfs + 10);
        var end = SpeechEnd(clip);
        Expected.Announce(said, TimeSpan.FromSeconds((end - onset) / (double)MicFeeder.SampleRate));
        var calls = Home.Calls.Count;
        var spoken = Tts.Spoken.Count;
        var flushes = Cuts(kitchen);
        var utterance = kitchen.Say(clip, TimeSpan.FromMilliseconds(300));
        var endPosition = utterance.OnsetPosition + ((end - onset) * 2L);

        JsonNode? turn = null;
        await household.WaitAsync(async ct =>
        {
            if (!Expected.Mismatches.IsEmpty)
            {
                throw new InvalidOperationException($"The ASR emulator did not hear \"{said}\" as said: {string.Join("; ", Expected.Mismatches)}");
            }

            turn = await NewTurnAsync(household.Server, said, ct).ConfigureAwait(false);
            if (turn is not null && kitchen.Microphone.ReadAt(endPosition) is null)
            {
                throw new InvalidOperationException($"The turn \"{said}\" was recorded before the satellite read the phrase's end: the ASR emulator took another utterance for it.{Environment.NewLine}{HeardReport()}");
            }

            return turn is not null;
        }, TimeSpan.FromSeconds(30), $"the turn \"{said}\" is recorded", cancellationToken).ConfigureAwait(false);
        var endOfSpeech = kitchen.Microphone.ReadAt(endPosition)!.Value;
        // What the turn plays (earcon, speech) may still be on its way to the speaker when the turn is recorded.
        await WaitQuietAsync(household, Stopwatch.GetTimestamp() + (long)(Settle.TotalSeconds * Stopwatch.Frequency), cancellationToken).ConfigureAwait(false);

        var newCalls = Home.Calls.Skip(calls).ToList();
        if (newCalls.Count > 0)
        {
            var at = Home.CallTimestamps.ElementAt(calls);
            CallLatencies.Add((said, Stopwatch.GetElapsedTime(endOfSpeech, at).TotalMilliseconds));
        }

        var played = kitchen.Speaker.SoundBetween(kitchen.Speaker.Samples(), endOfSpeech, long.MaxValue, SoundDbfs);
        return new Said(said, turn!, newCalls, [.. Tts.Spoken.Skip(spoken)], played, Cuts(kitchen) - flushes, endOfSpeech);
    }

    /// <summary>PersonaPlex says <paramref name="sentence"/> (its text pieces, one per model step); returns once all are out.</summary>
    public static async Task ModelSaysAsync(Household household, string sentence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        household.Emulator.Say(sentence);
        await household.WaitAsync(_ => Task.FromResult(household.Emulator.Options.Script.IsEmpty), TimeSpan.FromSeconds(10),
            "PersonaPlex has said its sentence", cancellationToken).ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false); // its last pieces reach the server
    }

    /// <summary>"p50 a / p95 b / max c ms (n)" of <see cref="CallLatencies"/>, then every phrase's.</summary>
    public string LatencyReport() =>
        $"end of speech → Home Assistant call: {Jarvis.Rig.Measure.LatencySummary.Of(CallLatencies.Select(c => c.Milliseconds))} " +
        $"(load average {LoadAverage.Now}){Environment.NewLine}" +
        string.Join(Environment.NewLine, CallLatencies.Select(c => $"  {c.Milliseconds,6:0} ms  {c.Said}"));

    /// <summary>What the ASR emulator heard, for failure output.</summary>
    public string HeardReport() => string.Join(Environment.NewLine, Expected.Heard.Select(h => $"  ASR: \"{h.Transcript}\" ({h.Speech.TotalMilliseconds:0} ms of speech) from {h.Audio.TotalMilliseconds:0} ms of audio"));

    public async ValueTask DisposeAsync()
    {
        await Asr.DisposeAsync().ConfigureAwait(false);
        await Tts.DisposeAsync().ConfigureAwait(false);
        await Ollama.DisposeAsync().ConfigureAwait(false);
        await HomeAssistant.DisposeAsync().ConfigureAwait(false);
        File.Delete(_ratings);
    }

    public static RigSatellite Kitchen(Household household)
    {
        ArgumentNullException.ThrowIfNull(household);
        return household.Satellites["kitchen"];
    }

    /// <summary>The brightness attribute (0–255) of <paramref name="entityId"/> in the emulated home.</summary>
    public double Brightness(string entityId) =>
        Home.Entity(entityId)?.Attributes["brightness"] is JsonNode b ? double.Parse(b.ToJsonString(), CultureInfo.InvariantCulture) : 0;

    /// <summary>Flushes of the satellite's playback for a cut (PersonaPlex's audio cut for an answer), from its log.</summary>
    private static int Cuts(RigSatellite satellite) => satellite.Process.Lines.Count(l => l.Contains("Playback flushed (Cut)", StringComparison.Ordinal));

    /// <summary>The sample after the clip's last 10 ms window of speech.</summary>
    private static int SpeechEnd(short[] clip)
    {
        for (var start = (clip.Length / 160 * 160) - 160; start >= 0; start -= 160)
        {
            if (Energy.Dbfs(clip.AsSpan(start, 160)) >= Energy.SilenceDbfs + 10)
            {
                return start + 160;
            }
        }

        return clip.Length;
    }

    /// <summary>Waits until the speaker has played nothing for <see cref="Quiet"/>, all of it after <paramref name="since"/>.</summary>
    private static Task WaitQuietAsync(Household household, long since, CancellationToken cancellationToken)
    {
        var speaker = Kitchen(household).Speaker;
        return household.WaitAsync(_ =>
        {
            var now = Stopwatch.GetTimestamp();
            var quietFrom = now - (long)(Quiet.TotalSeconds * Stopwatch.Frequency);
            return Task.FromResult(quietFrom > since && speaker.SoundBetween(speaker.Samples(), quietFrom, now, SoundDbfs) == TimeSpan.Zero);
        }, TimeSpan.FromSeconds(30), "the kitchen's speaker is quiet", cancellationToken);
    }

    private static async Task<bool> HomeAssistantConnectedAsync(RigServer server, CancellationToken cancellationToken)
    {
        var json = await server.Api.GetStringAsync(new Uri("/health", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        var home = JsonNode.Parse(json)?["backends"]?["homeassistant"];
        return home?["ready"]?.GetValue<bool>() == true && !((string?)home["detail"] ?? "").Contains("REST", StringComparison.Ordinal);
    }

    /// <summary>The first turn recorded for <paramref name="transcript"/> that this scenario has not seen yet.</summary>
    private async Task<JsonNode?> NewTurnAsync(RigServer server, string transcript, CancellationToken cancellationToken)
    {
        var json = await server.Api.GetStringAsync(new Uri("/api/turns?count=50", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        foreach (var turn in JsonNode.Parse(json)!.AsArray())
        {
            if (turn is not null && (string?)turn["transcript"] == transcript && _seenTurns.Add((string)turn["id"]!))
            {
                return turn;
            }
        }

        return null;
    }
}

/// <summary>
/// A phrase said on the rig and what came of it: the server's turn record (<c>/api/turns</c>), the Home Assistant calls and
/// TTS texts since it was said, the sound the speaker played after its end of speech, the satellite's cut flushes.
/// </summary>
public sealed record Said(string Text, JsonNode Turn, IReadOnlyList<(string Domain, string Service, JsonObject Data, IReadOnlyList<string> Targets)> Calls,
    IReadOnlyList<string> Spoken, TimeSpan Played, int Cuts, long EndOfSpeech)
{
    public string? Handling => (string?)Turn["handling"];

    public string? Home => (string?)Turn["home"];

    /// <summary>The mode the turn was answered in (<c>/api/turns</c> gives the enum's number).</summary>
    public Jarvis.Server.Conversation.TurnMode? Mode => Turn["mode"] is { } mode ? (Jarvis.Server.Conversation.TurnMode)mode.GetValue<int>() : null;

    public override string ToString() =>
        $"\"{Text}\": {Handling}/{Home} ({Mode}), calls [{string.Join("; ", Calls.Select(c => $"{c.Domain}.{c.Service} {string.Join(',', c.Targets)} {c.Data.ToJsonString()}"))}], " +
        $"spoken [{string.Join(" | ", Spoken)}], played {Played.TotalMilliseconds:0} ms, cuts {Cuts}";
}
