using System.Collections.Concurrent;
using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Tests.Rig;

/// <summary>
/// The Wyoming ASR emulator's transcriber on the rig, strict: the test announces each phrase before it says it (the transcript
/// and how long its speech lasts); each recognition the server opens takes the next announced phrase, in order, and must be
/// as long as that phrase's speech plus what the server adds around it (the pre-roll before the satellite's voice start,
/// the satellite's hangover after it). Anything else (a recognition nobody announced, one too short or too long for the
/// phrase it would take) is recorded in <see cref="Mismatches"/> and transcribed as nothing, so that the test fails.
/// </summary>
public sealed class ExpectedUtterances
{
    /// <summary>
    /// The server sends the pre-roll (300 ms) and everything up to the satellite's voice stop (its hangover, 800 ms, after the
    /// speech): on the rig a phrase came as its speech + 1.0–1.1 s; the wake phrase, said before its conversation existed,
    /// as its speech + 0.35 s. Never shorter than the speech, nor longer by more than this.
    /// </summary>
    private static readonly TimeSpan LongerBy = TimeSpan.FromMilliseconds(1_600);

    private readonly ConcurrentQueue<(string Transcript, TimeSpan Speech)> _announced = new();

    /// <summary>What went wrong, in order (empty when every recognition was an announced phrase of its length).</summary>
    public ConcurrentQueue<string> Mismatches { get; } = new();

    /// <summary>Every recognition: the transcript given and the audio's duration.</summary>
    public ConcurrentQueue<(string Transcript, TimeSpan Speech, TimeSpan Audio)> Heard { get; } = new();

    /// <summary>The next phrase said is <paramref name="transcript"/>, whose speech lasts <paramref name="speech"/>.</summary>
    public void Announce(string transcript, TimeSpan speech) => _announced.Enqueue((transcript, speech));

    /// <summary>Announced phrases not yet recognised.</summary>
    public int Pending => _announced.Count;

    /// <summary>The transcriber for <see cref="Emulators.Wyoming.WyomingAsrEmulator.Transcriber"/>.</summary>
    public string Transcribe(byte[] audio, AudioFormat format)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var duration = format.Duration(audio.Length);
        if (!_announced.TryDequeue(out var phrase))
        {
            Mismatches.Enqueue($"a recognition of {duration.TotalMilliseconds:0} ms that no phrase was said for");
            Heard.Enqueue(("", TimeSpan.Zero, duration));
            return "";
        }

        if (duration < phrase.Speech || duration > phrase.Speech + LongerBy)
        {
            Mismatches.Enqueue($"\"{phrase.Transcript}\" ({phrase.Speech.TotalMilliseconds:0} ms of speech) came as {duration.TotalMilliseconds:0} ms of audio");
            Heard.Enqueue(("", phrase.Speech, duration));
            return "";
        }

        Heard.Enqueue((phrase.Transcript, phrase.Speech, duration));
        return phrase.Transcript;
    }
}
