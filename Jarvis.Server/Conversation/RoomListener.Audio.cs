using System.Runtime.InteropServices;
using Jarvis.Protocol.Opus;

namespace Jarvis.Server.Conversation;

/// <summary>Decoding into the utterance, and the pause after a command.</summary>
internal sealed partial class RoomListener
{
    private ValueTask SendDecodedAsync(Utterance utterance, OpusFrameDecoder decoder, ReadOnlySpan<byte> opus, byte[] pcm, long timestamp, CancellationToken cancellationToken)
    {
        var samples = Decode(decoder, opus, pcm);
        if (samples <= 0)
        {
            return ValueTask.CompletedTask;
        }

        var paused = false;
        for (var offset = 0; offset + FrameSamples <= samples; offset += FrameSamples)
        {
            paused |= _pause.Update(MemoryMarshal.Cast<byte, short>(pcm.AsSpan(offset * 2, FrameSamples * 2)));
        }

        if (paused && utterance.IsOpen)
        {
            // Transcribes what was heard up to this silent frame, on the side.
            ProbeAtPause(utterance, timestamp);
        }

        return utterance.SendAsync(pcm.AsMemory(0, samples * 2), cancellationToken);
    }

    private int Decode(OpusFrameDecoder decoder, ReadOnlySpan<byte> opus, byte[] pcm)
    {
        try
        {
            return decoder.Decode(opus, MemoryMarshal.Cast<byte, short>(pcm.AsSpan()));
        }
        catch (InvalidDataException ex)
        {
            LogBadPacket(Room, ex.Message);
            return 0;
        }
    }
}
