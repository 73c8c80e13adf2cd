using System.Buffers;

namespace Jarvis.Server.Satellites;

/// <summary>One frame waiting for a satellite's writer loop: a rented buffer (returned after sending) and its kind.</summary>
internal readonly record struct SatelliteOutboundFrame(byte[] Buffer, int Length, bool IsText, int FlushEpoch)
{
    public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
}
