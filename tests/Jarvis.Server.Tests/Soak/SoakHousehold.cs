using System.Diagnostics;
using System.Text.Json.Nodes;
using Jarvis.Protocol.Link.Messages;
using Jarvis.Rig.Processes;

namespace Jarvis.Server.Tests.Soak;

/// <summary>
/// The scripted household: one event at a time (one PersonaPlex endpoint, one conversation slot) in a random room — duplex
/// talk, home commands, deep questions, barge-in, follow-me, mutes — spaced by the accelerated clock. After a fault is
/// repaired, the next event is the fault's probe (the scene that needs the repaired part).
/// </summary>
internal sealed class SoakHousehold(SoakBackends backends, Func<RigServer> server, IReadOnlyList<SoakSatellite> satellites, SoakOptions options)
{
    public const string Talk = "talk";
    public const string Home = "home";
    public const string Deep = "deep";
    public const string BargeIn = "barge-in";
    public const string FollowMe = "follow-me";
    public const string Mute = "mute";

    private static readonly (string Scene, int Weight)[] Scenes = [(Talk, 30), (Home, 30), (Deep, 15), (BargeIn, 8), (FollowMe, 8), (Mute, 9)];

    private static readonly string[] Commands =
    [
        "turn off the kitchen lights", "turn on the kitchen lights", "lock the front door", "unlock the front door", "set the thermostat to 21 degrees",
    ];

    private readonly Random _random = new(options.Seed);
    private readonly List<SoakAttempt> _attempts = [];
    private readonly Lock _lock = new();
    private (string Scene, string? Room, string Fault)? _probe;
    private TaskCompletionSource _probeAsked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _questions;

    public IReadOnlyList<SoakAttempt> Attempts
    {
        get
        {
            lock (_lock)
            {
                return [.. _attempts];
            }
        }
    }

    public Action<string> Log { get; set; } = _ => { };

    /// <summary>The fault kinds now active; attempts running meanwhile are attributed to them.</summary>
    public Func<IReadOnlyCollection<string>> ActiveFaults { get; set; } = () => [];

    /// <summary>Asks for <paramref name="scene"/> (in <paramref name="room"/>, or any) next, until one completes.</summary>
    public void Probe(string scene, string? room, string fault)
    {
        lock (_lock)
        {
            _probe = (scene, room, fault);
            _probeAsked.TrySetResult();
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var gap = TimeSpan.FromSeconds(86400.0 / options.EventsPerDay / options.Rate);
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            (string Scene, string? Room, string Fault)? probe;
            lock (_lock)
            {
                probe = _probe;
            }

            var scene = probe?.Scene ?? Pick();
            var room = probe?.Room ?? satellites[_random.Next(satellites.Count)].Room;
            var attempt = new SoakAttempt(scene, room, started) { Probe = probe?.Fault };
            lock (_lock)
            {
                _attempts.Add(attempt);
            }

            try
            {
                attempt.DroppedBecause = await RunSceneAsync(attempt, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                attempt.DroppedBecause = "run ended";
                return;
            }
            catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or HttpRequestException or IOException or TaskCanceledException or ObjectDisposedException)
            {
                attempt.DroppedBecause = $"{ex.GetType().Name}: {ex.Message}";
            }
            finally
            {
                attempt.EndedAt = Stopwatch.GetTimestamp();
                foreach (var fault in ActiveFaults())
                {
                    attempt.Faults.Add(fault);
                }
            }

            Log($"{scene} in {room}: {attempt.DroppedBecause ?? "ok"} ({Stopwatch.GetElapsedTime(started, attempt.EndedAt).TotalSeconds:0.0} s){(probe is null ? "" : $" probe of {probe.Value.Fault}")}");
            if (attempt.Completed && probe is { } done)
            {
                lock (_lock)
                {
                    if (_probe == done)
                    {
                        _probe = null;
                    }
                }
            }

            await EndConversationAsync(cancellationToken);
            // The household rests until its next event is due, unless a repaired fault asks for its probe.
            var rest = gap - Stopwatch.GetElapsedTime(started);
            Task asked;
            lock (_lock)
            {
                if (_probeAsked.Task.IsCompleted)
                {
                    _probeAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                asked = _probe is null ? _probeAsked.Task : Task.CompletedTask;
            }

            await Task.WhenAny(Task.Delay(rest > TimeSpan.Zero ? rest : TimeSpan.FromMilliseconds(200), cancellationToken), asked);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private string Pick()
    {
        var total = Scenes.Sum(s => s.Weight);
        var draw = _random.Next(total);
        foreach (var (scene, weight) in Scenes)
        {
            if ((draw -= weight) < 0)
            {
                return scene;
            }
        }

        return Talk;
    }

    private SoakSatellite In(string room) => satellites.First(s => s.Room == room);

    private async Task<string?> RunSceneAsync(SoakAttempt attempt, CancellationToken cancellationToken)
    {
        attempt.Faults.UnionWith(ActiveFaults());
        var satellite = In(attempt.Room);
        if (!await SoakSatellite.WaitAsync(() => satellite.Welcomed, TimeSpan.FromSeconds(10), cancellationToken))
        {
            return "link down";
        }

        if (attempt.Scene == Mute)
        {
            return await MuteAsync(satellite, cancellationToken);
        }

        Transcribe("");
        if (await WakeAsync(satellite, cancellationToken) is { } notWoken)
        {
            return notWoken;
        }

        return attempt.Scene switch
        {
            Talk => await TalkAsync(satellite, cancellationToken),
            Home => await HomeAsync(attempt, satellite, cancellationToken),
            Deep => await DeepAsync(satellite, bargeIn: false, cancellationToken),
            BargeIn => await DeepAsync(satellite, bargeIn: true, cancellationToken),
            FollowMe => await FollowMeAsync(satellite, cancellationToken),
            _ => throw new InvalidOperationException(attempt.Scene),
        };
    }

    private async Task<string?> WakeAsync(SoakSatellite satellite, CancellationToken cancellationToken)
    {
        await satellite.SpeakAsync(SoakAudio.WakeWord, -15, stop: true, cancellationToken);
        return await SoakSatellite.WaitAsync(() => satellite.ConversationActive, options.StepDeadline, cancellationToken)
            ? null
            : "no conversation after the wake word";
    }

    private async Task<string?> TalkAsync(SoakSatellite satellite, CancellationToken cancellationToken)
    {
        var before = satellite.AudioReceived;
        await satellite.SpeakAsync(SoakAudio.Sentence, -15, stop: true, cancellationToken);
        return await SoakSatellite.WaitAsync(() => satellite.AudioReceived >= before + 10, options.StepDeadline, cancellationToken)
            ? null
            : "no reply audio (PersonaPlex)";
    }

    private async Task<string?> HomeAsync(SoakAttempt attempt, SoakSatellite satellite, CancellationToken cancellationToken)
    {
        var command = Commands[_random.Next(Commands.Length)];
        Transcribe(command);
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        await satellite.SpeakAsync(SoakAudio.Sentence, -15, stop: true, cancellationToken);
        var turn = await TurnAsync(command, since, cancellationToken);
        if (turn is null)
        {
            return "no turn for the command";
        }

        attempt.HomeDone = turn["handling"]?.GetValue<string>() == "home" && turn["home"]?.GetValue<string>() == "done";
        return attempt.HomeDone ? null : $"command not done: {turn["handling"]}/{turn["home"]} {turn["error"]}";
    }

    private async Task<string?> DeepAsync(SoakSatellite satellite, bool bargeIn, CancellationToken cancellationToken)
    {
        var question = $"explain in detail how engine number {Interlocked.Increment(ref _questions)} works";
        Transcribe(question);
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var before = satellite.AudioReceived;
        await satellite.SpeakAsync(SoakAudio.Sentence, -15, stop: true, cancellationToken);
        if (bargeIn)
        {
            if (!await SoakSatellite.WaitAsync(() => satellite.AudioReceived >= before + 25, options.StepDeadline, cancellationToken))
            {
                return "no answer audio to barge into";
            }

            Transcribe("");
            await satellite.SpeakAsync(SoakAudio.Sentence, -15, stop: true, cancellationToken);
        }

        var turn = await TurnAsync(question, since, cancellationToken);
        if (turn is null)
        {
            return "no turn for the question";
        }

        if (turn["handling"]?.GetValue<string>() != "llm" || turn["error"] is JsonValue)
        {
            return $"question not answered: {turn["handling"]} {turn["error"]}";
        }

        return bargeIn && turn["interrupted"]?.GetValue<bool>() != true ? "the answer was not interrupted" : null;
    }

    private async Task<string?> FollowMeAsync(SoakSatellite satellite, CancellationToken cancellationToken)
    {
        var other = satellites.Where(s => s != satellite && s.Welcomed).OrderBy(_ => _random.Next()).FirstOrDefault();
        if (other is null)
        {
            return "no other room online";
        }

        await Task.WhenAll(
            satellite.SpeakAsync(SoakAudio.LongTalk, -40, stop: true, cancellationToken),
            other.SpeakAsync(SoakAudio.LongTalk, -12, stop: true, cancellationToken));
        return await SoakSatellite.WaitAsync(() => other.ConversationActive, options.StepDeadline, cancellationToken)
            ? null
            : $"the conversation did not follow to {other.Room}";
    }

    private async Task<string?> MuteAsync(SoakSatellite satellite, CancellationToken cancellationToken)
    {
        await satellite.SendAsync(new MuteMessage(true, MuteSource.Button));
        try
        {
            var starts = satellite.ConversationsStarted;
            await satellite.SpeakAsync(SoakAudio.WakeWord, -15, stop: true, cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(1.5), cancellationToken);
            return satellite.ConversationsStarted == starts ? null : "a muted room woke";
        }
        finally
        {
            await satellite.SendAsync(new MuteMessage(false, MuteSource.Button));
        }
    }

    /// <summary>The turn of <paramref name="transcript"/> started after <paramref name="since"/>, from <c>/api/turns</c>, once it has ended.</summary>
    private async Task<JsonNode?> TurnAsync(string transcript, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(options.TurnDeadline.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            try
            {
                var json = await server().Api.GetStringAsync(new Uri("/api/turns?count=10", UriKind.Relative), cancellationToken);
                var turn = (JsonNode.Parse(json) as JsonArray)?.LastOrDefault(t =>
                    t?["transcript"]?.GetValue<string>() == transcript && t["startedAt"]?.GetValue<DateTimeOffset>() >= since && t["total"] is JsonValue);
                if (turn is not null)
                {
                    return turn;
                }
            }
            catch (HttpRequestException)
            {
                // Server restarting.
            }

            await Task.Delay(100, cancellationToken);
        }

        return null;
    }

    /// <summary>
    /// What the ASR emulator hears in the household's <see cref="SoakAudio.Sentence"/> from now on; anything else (the wake
    /// tone, if it ends up in an utterance) is transcribed as nothing. A command's text thus reaches only the sentence it was
    /// said in: a second call is the server's doing, not a stale utterance transcribed after the text was set.
    /// </summary>
    private void Transcribe(string text) =>
        backends.Asr.Transcriber = (pcm, format) => text.Length > 0 && SoakAudio.IsSentence(pcm, format.Rate) ? text : "";

    private async Task EndConversationAsync(CancellationToken cancellationToken)
    {
        Transcribe("");
        await SoakSatellite.WaitAsync(() => satellites.All(s => !s.ConversationActive), options.QuietPeriod + TimeSpan.FromSeconds(15), cancellationToken);
    }
}
