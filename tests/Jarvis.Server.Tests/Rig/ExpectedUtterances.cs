using System.Collections.Concurrent;
using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Tests.Rig;

/// <summary>
/// The Wyoming ASR emulator's transcriber on the rig, strict: the test announces each phrase before it says it (the transcript
/// and how long its speech lasts); each utterance the server opens takes the next announced phrase, in order, and may not be
/// longer than that phrase's speech plus what the server adds around it (the pre-roll before the satellite's voice start,
/// the satellite's hangover after it). The server may transcribe an utterance ahead at a pause (the command pause) and then
/// again at its end: a recognition whose audio begins with exactly the previous one's (or is its beginning) is the same
/// utterance and gets the same phrase; one shorter than the phrase's speech is heard as the words said so far (the phrase's
/// words in proportion), as a real recogniser would. Anything else (a recognition nobody announced, one too long for the
/// phrase it would take) is recorded in <see cref="Mismatches"/> and transcribed as nothing, so that the test fails.
/// </summary>
public sealed class ExpectedUtterances
{
    /// <summary>
    /// The server sends the pre-roll (300 ms) and everything up to the satellite's voice stop (its hangover, 800 ms, after the
    /// speech): on the rig a phrase came as its speech + 1.0–1.1 s; the wake phrase, said before its conversation existed,
    /// as its speech + 0.35 s. Never longer by more than this.
    /// </summary>
    private static readonly TimeSpan LongerBy = TimeSpan.FromMilliseconds(1_600);

    /// <summary>Audio two recognitions must share from their start to be one utterance (100 ms at 16 kHz).</summary>
    private const int SamePrefixBytes = 3_200;

    private readonly ConcurrentQueue<(string Transcript, TimeSpan Speech)> _announced = new();
    private readonly Lock _gate = new();
    private (byte[] Audio, string Transcript, TimeSpan Speech)? _last;

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
        lock (_gate)
        {
            (string Transcript, TimeSpan Speech) phrase;
            if (_last is { } last && SameUtterance(audio, last.Audio))
            {
                phrase = (last.Transcript, last.Speech);
            }
            else if (!_announced.TryDequeue(out phrase))
            {
                Mismatches.Enqueue($"a recognition of {duration.TotalMilliseconds:0} ms that no phrase was said for");
                Heard.Enqueue(("", TimeSpan.Zero, duration));
                return "";
            }

            _last = (audio, phrase.Transcript, phrase.Speech);
            if (duration > phrase.Speech + LongerBy)
            {
                Mismatches.Enqueue($"\"{phrase.Transcript}\" ({phrase.Speech.TotalMilliseconds:0} ms of speech) came as {duration.TotalMilliseconds:0} ms of audio");
                Heard.Enqueue(("", phrase.Speech, duration));
                return "";
            }

            var heard = duration >= phrase.Speech ? phrase.Transcript : SoFar(phrase.Transcript, duration / phrase.Speech);
            Heard.Enqueue((heard, phrase.Speech, duration));
            return heard;
        }
    }

    /// <summary>True when one recognition's audio is the beginning of the other's: one utterance, transcribed at a pause and at its end.</summary>
    internal static bool SameUtterance(byte[] audio, byte[] earlier)
    {
        var shared = Math.Min(audio.Length, earlier.Length);
        return shared >= SamePrefixBytes && audio.AsSpan(0, shared).SequenceEqual(earlier.AsSpan(0, shared));
    }

    /// <summary>The words of <paramref name="transcript"/> said in the first <paramref name="fraction"/> of its speech.</summary>
    private static string SoFar(string transcript, double fraction)
    {
        var words = transcript.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Take((int)(words.Length * fraction))).TrimEnd(',');
    }
}
