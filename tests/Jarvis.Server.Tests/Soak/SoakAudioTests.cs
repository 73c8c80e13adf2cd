using System.Runtime.InteropServices;
using Jarvis.Protocol.Opus;

namespace Jarvis.Server.Tests.Soak;

public sealed class SoakAudioTests
{
    [Fact]
    public void The_sentence_is_told_from_the_wake_tone_even_its_last_packet_and_from_nothing_after_decoding()
    {
        Assert.True(SoakAudio.IsSentence(Decoded(SoakAudio.Sentence), 16000));
        Assert.True(SoakAudio.IsSentence(Decoded(SoakAudio.Sentence.Take(10)), 16000)); // a part of it, as a cut-short utterance
        Assert.False(SoakAudio.IsSentence(Decoded(SoakAudio.WakeWord), 16000));
        // What a conversation started by the wake word hears of it: its last packet or two, on a fresh decoder.
        Assert.False(SoakAudio.IsSentence(Decoded(SoakAudio.WakeWord.Skip(24)), 16000));
        Assert.False(SoakAudio.IsSentence(Decoded(SoakAudio.WakeWord.Skip(23)), 16000));
        Assert.False(SoakAudio.IsSentence([], 16000));
    }

    private static byte[] Decoded(IEnumerable<byte[]> packets)
    {
        using var decoder = OpusFrameDecoder.Create(16000);
        var pcm = new List<short>();
        var frame = new short[OpusFrameDecoder.MaxSamplesPerPacket(16000)];
        foreach (var packet in packets)
        {
            pcm.AddRange(frame.AsSpan(0, decoder.Decode(packet, frame)));
        }

        return MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(pcm)).ToArray();
    }
}
