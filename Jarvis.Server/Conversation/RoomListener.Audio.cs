using System.Runtime.InteropServices;
using Jarvis.Protocol.Opus;

namespace Jarvis.Server.Conversation;

/// <summary>Decoding into the utterance.</summary>
internal sealed partial class RoomListener
{
    private ValueTask SendDecodedAsync(Utterance utterance, OpusFrameDecoder decoder, ReadOnlySpan<byte> opus, byte[] pcm, CancellationToken cancellationToken)
    {
        int samples;
        try
        {
            samples = decoder.Decode(opus, MemoryMarshal.Cast<byte, short>(pcm.AsSpan()));
        }
        catch (InvalidDataException ex)
        {
            LogBadPacket(Room, ex.Message);
            return ValueTask.CompletedTask;
        }

        return samples > 0 ? utterance.SendAsync(pcm.AsMemory(0, samples * 2), cancellationToken) : ValueTask.CompletedTask;
    }
}
