using System.Diagnostics;
using Jarvis.Rig.Audio;
using Jarvis.Rig.Household;
using Jarvis.Rig.Measure;
using Jarvis.Server.Tests.Emulators.Ollama;
using Jarvis.Server.Tests.Emulators.Wyoming;

namespace Jarvis.Server.Tests.Rig;

/// <summary>
/// Barge-in on the rig (issues 11 and 19): in a duplex (or pipeline) conversation the user asks a deep question, Ollama's
/// long answer is spoken by TTS and plays in the kitchen, and the user speaks over it with no request (the ASR hears it as
/// nothing). Measured from the satellite reading the onset of the user's speech from its microphone to the answer's audio
/// stopping in the speaker file (the first 100 ms of silence), split into stages by the programs' Debug traces
/// (<see cref="BargeInStages"/>); then nothing may play for the rest of the watch, and nothing is answered. PersonaPlex
/// answers with digital silence here, so every sound in the speaker is the answer (or an earcon).
/// </summary>
public sealed class BargeInScenario : IAsyncDisposable
{
    public const string Question = "Explain quantum physics to me in detail";
    private const double SoundDbfs = -45;
    private static readonly TimeSpan Watch = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan SilenceToStop = TimeSpan.FromMilliseconds(100);
    private readonly string _ratings = Path.Combine(Path.GetTempPath(), $"rig-ratings-{Guid.NewGuid():N}.jsonl");
    private int _armed;
    private readonly Lock _heardGate = new();
    private byte[]? _questionAudio;

    private BargeInScenario(string mode)
    {
        Mode = mode;
    }

    /// <summary><c>Conversation:Mode</c>: <c>Duplex</c> or <c>Pipeline</c>.</summary>
    public string Mode { get; }

    public WyomingAsrEmulator Asr { get; } = new();

    public WyomingTtsEmulator Tts { get; } = new() { SupportsStreaming = true };

    public OllamaEmulator Ollama { get; } = new();

    /// <summary>Starts the ASR, TTS and Ollama emulators; the answer is long (about a minute of speech).</summary>
    public static async Task<BargeInScenario> StartAsync(string mode = "Duplex")
    {
        var scenario = new BargeInScenario(mode);
        scenario.Asr.Start();
        scenario.Tts.Start();
        await scenario.Ollama.StartAsync().ConfigureAwait(false);
        scenario.Ollama.Answer = _ => string.Join(" ", Enumerable.Repeat("This sentence goes on about physics for a while.", 40));
        scenario.Ollama.TokenDelay = TimeSpan.FromMilliseconds(20);
        // The question is heard once per round (armed before it is said; its utterance transcribed again at its end after a
        // pause is the same question); anything else, the barge-in included, is nothing.
        scenario.Asr.Transcriber = (audio, _) => scenario.Hear(audio);
        return scenario;
    }

    private string Hear(byte[] audio)
    {
        lock (_heardGate)
        {
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                _questionAudio = audio;
                return Question;
            }

            return _questionAudio is { } question && ExpectedUtterances.SameUtterance(audio, question) ? Question : "";
        }
    }

    /// <summary>One kitchen in <see cref="Mode"/>, PersonaPlex silent, Wyoming ASR/TTS and Ollama configured, the stage traces on.</summary>
    public HouseholdOptions Options() => new()
    {
        Direct = false,
        Echo = false,
        RotateAfter = TimeSpan.FromHours(1),
        SatelliteSettings = BargeInStages.SatelliteLogging,
        ServerSettings = new Dictionary<string, string>(BargeInStages.ServerLogging)
        {
            ["Conversation:Mode"] = Mode,
            ["Speech:Asr:Uri"] = Asr.Uri.ToString(),
            ["Speech:Tts:Uri"] = Tts.Uri.ToString(),
            ["Ollama:Url"] = Ollama.Url.ToString(),
            ["Routing:RatingsPath"] = _ratings,
            ["Rooms:QuietPeriod"] = "00:01:00",
        },
    };

    /// <summary>
    /// Wakes the kitchen, then <paramref name="rounds"/> times: asks the question, waits until the answer has played for a
    /// while, speaks over it. Returns each round (<see cref="BargeInRound"/>).
    /// </summary>
    public async Task<IReadOnlyList<BargeInRound>> RunAsync(Household household, int rounds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(household);
        var room = household.Options.Rooms[0];
        var satellite = household.Satellites[room];
        await household.WaitWarmAsync(cancellationToken).ConfigureAwait(false);
        satellite.Say(SpokenClip.Say("hey jarvis", -20), TimeSpan.FromMilliseconds(350));
        await household.WaitAsync(async ct => (await household.ConversationRoomsAsync(ct).ConfigureAwait(false)).Contains(room),
            Household.StartDeadline, $"a conversation in {room}", cancellationToken).ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromSeconds(1.5), cancellationToken).ConfigureAwait(false); // the wake phrase's turn is over

        var results = new List<BargeInRound>();
        for (var round = 0; round < rounds; round++)
        {
            var answers = Ollama.AnswerCount;
            Volatile.Write(ref _armed, 1);
            var question = satellite.Say(SpokenClip.Say("explain quantum physics to me in detail", -20), TimeSpan.FromMilliseconds(300));
            await household.WaitAsync(_ => Task.FromResult(Ollama.AnswerCount > answers && satellite.MouthTime(question) is not null),
                TimeSpan.FromSeconds(60), $"round {round + 1}: the question reached Ollama", cancellationToken).ConfigureAwait(false);
            var asked = satellite.MouthTime(question)!.Value;
            await household.WaitAsync(_ => Task.FromResult(SoundSince(satellite.Speaker, asked) >= TimeSpan.FromSeconds(1.5)),
                TimeSpan.FromSeconds(60), $"round {round + 1}: the answer plays in the {room}", cancellationToken).ConfigureAwait(false);

            var over = satellite.Say(SpokenClip.Say("wait, stop, hold on a second please", -20), TimeSpan.FromMilliseconds(200));
            await household.WaitAsync(_ => Task.FromResult(satellite.MouthTime(over) is { } m && Stopwatch.GetElapsedTime(m) > Watch),
                TimeSpan.FromSeconds(60), $"round {round + 1}: the user spoke over the answer and the watch passed", cancellationToken).ConfigureAwait(false);
            var mouth = satellite.MouthTime(over)!.Value;
            var (stopMs, playedAfter, stopped) = Stop(satellite.Speaker, mouth);
            var stages = stopped is { } silent
                ? BargeInStages.Of(mouth, silent, room, household.Server.Process.Lines, satellite.Process.Lines)
                : null;
            results.Add(new BargeInRound(stopMs, playedAfter, Ollama.AnswerCount - answers - 1, stages));
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    /// <summary>
    /// "p50 a / p95 b / max c ms (n), stopped n of m, played after the stop: … ms, answered after: …; stages: …" over
    /// <paramref name="results"/>.
    /// </summary>
    public static string Summary(IReadOnlyList<BargeInRound> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var stops = LatencySummary.Of(results.Where(r => r.StopMs is not null).Select(r => r.StopMs!.Value));
        return $"speech onset → answer stops: {stops}, stopped {stops.Count} of {results.Count}; " +
            $"played after the stop: {string.Join(", ", results.Select(r => $"{r.PlayedAfterMs:0}"))} ms; " +
            $"answers to the interruption: {results.Sum(r => r.AnswersAfter)}; " +
            $"stages: {BargeInStages.Summary([.. results.Where(r => r.Stages is not null).Select(r => r.Stages!)])}";
    }

    public async ValueTask DisposeAsync()
    {
        await Asr.DisposeAsync().ConfigureAwait(false);
        await Tts.DisposeAsync().ConfigureAwait(false);
        await Ollama.DisposeAsync().ConfigureAwait(false);
        File.Delete(_ratings);
    }

    /// <summary>How much sound (10 ms windows at or above −45 dBFS) the speaker file got after <paramref name="since"/>.</summary>
    private static TimeSpan SoundSince(SpeakerTap speaker, long since) => speaker.SoundBetween(speaker.Samples(), since, long.MaxValue, SoundDbfs);

    /// <summary>
    /// The answer's stop after <paramref name="mouth"/>: the first window of the first 100 ms of silence written after it
    /// (ms from the mouth, and when it was written), and how much sound the speaker got after that within the watch.
    /// </summary>
    private static (double? StopMs, double PlayedAfterMs, long? Stopped) Stop(SpeakerTap speaker, long mouth)
    {
        var played = speaker.Samples();
        var quiet = 0;
        var windows = (int)(SilenceToStop.TotalMilliseconds / 10);
        for (var start = speaker.FirstWrittenAfter(played.Length, mouth); start + 160 <= played.Length; start += 160)
        {
            quiet = Energy.Dbfs(played.AsSpan(start, 160)) < SoundDbfs ? quiet + 1 : 0;
            if (quiet < windows)
            {
                continue;
            }

            var stopIndex = start - ((windows - 1) * 160);
            if (speaker.WrittenAt(stopIndex + 159) is not { } stopped)
            {
                return (null, 0, null);
            }

            var after = 0;
            for (var next = start + 160; next + 160 <= played.Length; next += 160)
            {
                if (speaker.WrittenAt(next + 159) is { } at && Stopwatch.GetElapsedTime(mouth, at) <= Watch)
                {
                    after += Energy.Dbfs(played.AsSpan(next, 160)) >= SoundDbfs ? 10 : 0;
                }
            }

            return (Math.Max(0, Stopwatch.GetElapsedTime(mouth, stopped).TotalMilliseconds), after, stopped);
        }

        return (null, 0, null);
    }
}
