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
    /// <summary>Speech the satellite's voice start may cut from the phrase's start (its detection window, less the 300 ms pre-roll) and more.</summary>
    private static readonly TimeSpan ShorterBy = TimeSpan.FromMilliseconds(400);

    /// <summary>Pre-roll (300 ms) + the satellite's hangover (800 ms) + slack for a loaded machine.</summary>
    private static readonly TimeSpan LongerBy = TimeSpan.FromMilliseconds(1_700);

    private readonly ConcurrentQueue<(string Transcript, TimeSpan Speech)> _announced = new();

    /// <summary>What went wrong, in order (empty when every recognition was an announced phrase of its length).</summary>
    public ConcurrentQueue<string> Mismatches { get; } = new();

    /// <summary>Every recognition: the transcript given and the audio's duration.</summary>
    public ConcurrentQueue<(string Transcript, TimeSpan Audio)> Heard { get; } = new();

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
            Heard.Enqueue(("", duration));
            return "";
        }

        if (duration < phrase.Speech - ShorterBy || duration > phrase.Speech + LongerBy)
        {
            Mismatches.Enqueue($"\"{phrase.Transcript}\" ({phrase.Speech.TotalMilliseconds:0} ms of speech) came as {duration.TotalMilliseconds:0} ms of audio");
            Heard.Enqueue(("", duration));
            return "";
        }

        Heard.Enqueue((phrase.Transcript, duration));
        return phrase.Transcript;
    }
}
