using Jarvis.Server.Wyoming;

namespace Jarvis.Server.Speech;

/// <summary>A piece of synthesised audio: PCM bytes in <paramref name="Format"/>, and which audio stream (sentence) it belongs to.</summary>
public readonly record struct PcmChunk(AudioFormat Format, ReadOnlyMemory<byte> Pcm, int StreamIndex);
