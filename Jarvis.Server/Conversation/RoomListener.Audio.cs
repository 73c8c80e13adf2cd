using System.Runtime.InteropServices;
using Jarvis.Protocol.Opus;

namespace Jarvis.Server.Conversation;

/// <summary>Decoding into the utterance, and waiting for the next event with the end-of-turn timeout.</summary>
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

    private async Task<bool> WaitForEventAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return await _events.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
        }

        using var idle = new CancellationTokenSource(timeout, _services.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        try
        {
            return await _events.Reader.WaitToReadAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
