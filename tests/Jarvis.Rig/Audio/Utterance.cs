namespace Jarvis.Rig.Audio;

/// <summary>A clip put into a microphone: the byte position of its speech onset in the microphone file, its length in samples.</summary>
public readonly record struct Utterance(long OnsetPosition, int Samples);
