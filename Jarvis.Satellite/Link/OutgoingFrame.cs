using System.Buffers;
using Jarvis.Protocol.Link.Messages;

namespace Jarvis.Satellite.Link;

/// <summary>An audio frame in a pooled buffer, or a control message, waiting for the send loop.</summary>
internal readonly record struct OutgoingFrame(byte[]? Buffer, int Length, LinkMessage? Control)
{
    public void Release()
    {
        if (Buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(Buffer);
        }
    }
}
