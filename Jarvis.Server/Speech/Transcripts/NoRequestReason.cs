namespace Jarvis.Server.Speech.Transcripts;

/// <summary>Why a transcript carries no request.</summary>
public enum NoRequestReason
{
    /// <summary>Nothing was recognised ("").</summary>
    Empty,

    /// <summary>Only punctuation or symbols ("...", "?").</summary>
    Punctuation,

    /// <summary>Only hesitation sounds ("um", "uh", "hmm").</summary>
    Fillers,

    /// <summary>Only the recogniser's non-speech tags ("[music]", "[BLANK_AUDIO]", "(silence)", "*cough*", "♪").</summary>
    NonSpeech,

    /// <summary>A phrase Whisper-family recognisers make up from noise or silence ("Thank you.", "Thanks for watching!", "you").</summary>
    Hallucination,

    /// <summary>Fewer letters than <see cref="TranscriptFilterOptions.MinLetters"/>.</summary>
    TooShort,

    /// <summary>The recogniser's confidence is below <see cref="TranscriptFilterOptions.MinConfidence"/>.</summary>
    LowConfidence,
}
