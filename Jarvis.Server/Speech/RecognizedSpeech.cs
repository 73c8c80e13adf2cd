namespace Jarvis.Server.Speech;

/// <summary>
/// What the recogniser heard in one utterance: the final transcript ("" when nothing was said) and, when the recogniser
/// reports one, its confidence from 0 to 1 (wyoming-faster-whisper sends none).
/// </summary>
public sealed record RecognizedSpeech(string Text, double? Confidence = null);
