using System.Buffers;

namespace Jarvis.Fuzz.Support;

/// <summary>A read-only sequence of several segments, as a pipe hands over bytes that arrived in separate reads.</summary>
internal sealed class SegmentedSequence : ReadOnlySequenceSegment<byte>
{
    private SegmentedSequence(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    /// <summary>Cuts <paramref name="bytes"/> into pieces of <paramref name="pieceBytes"/> bytes (the last may be shorter).</summary>
    public static ReadOnlySequence<byte> Create(byte[] bytes, int pieceBytes)
    {
        if (bytes.Length <= pieceBytes)
        {
            return new ReadOnlySequence<byte>(bytes);
        }

        var first = new SegmentedSequence(bytes.AsMemory(0, pieceBytes), 0);
        var last = first;
        for (var offset = pieceBytes; offset < bytes.Length; offset += pieceBytes)
        {
            var next = new SegmentedSequence(bytes.AsMemory(offset, Math.Min(pieceBytes, bytes.Length - offset)), offset);
            last.Next = next;
            last = next;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
