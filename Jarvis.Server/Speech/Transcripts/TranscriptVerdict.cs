namespace Jarvis.Server.Speech.Transcripts;

/// <summary>What <see cref="TranscriptFilter"/> made of a transcript: a request to answer, or no request (and why).</summary>
public abstract record TranscriptVerdict;

/// <summary>The transcript asks for something: <paramref name="Text"/> is it without non-speech tags ("[music]").</summary>
public sealed record SpokenRequest(string Text) : TranscriptVerdict;

/// <summary>The transcript carries no request: nothing is answered; <paramref name="Detail"/> says what matched.</summary>
public sealed record NoRequest(NoRequestReason Reason, string Detail) : TranscriptVerdict
{
    /// <summary>For records and logs: <c>hallucination "thank you"</c>, <c>empty</c>.</summary>
    public string Describe() => Detail.Length == 0 ? Name(Reason) : $"{Name(Reason)} \"{Detail}\"";

    public static string Name(NoRequestReason reason) => reason switch
    {
        NoRequestReason.Empty => "empty",
        NoRequestReason.Punctuation => "punctuation",
        NoRequestReason.Fillers => "fillers",
        NoRequestReason.NonSpeech => "non-speech",
        NoRequestReason.Hallucination => "hallucination",
        NoRequestReason.TooShort => "too-short",
        NoRequestReason.LowConfidence => "low-confidence",
        _ => reason.ToString(),
    };
}
