using System.Collections.Concurrent;
using Jarvis.Server.Speech;

namespace Jarvis.Server.Tests.Emulators;

/// <summary>A room that records what it is sent: Opus packets (copied) and flushes, in order.</summary>
public sealed class RecordingRoomSink(string room = "kitchen") : IRoomAudioSink
{
    public string Room => room;

    public ConcurrentQueue<string> Events { get; } = new();

    public ConcurrentQueue<byte[]> Packets { get; } = new();

    public int TotalSamples;

    /// <summary>Runs when the first packet arrives (e.g. to check what the LLM had done by then).</summary>
    public Action? OnFirstPacket { get; set; }

    public ValueTask SendOpusAsync(ReadOnlyMemory<byte> packet, int samples, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Packets.IsEmpty)
        {
            OnFirstPacket?.Invoke();
        }

        Packets.Enqueue(packet.ToArray());
        Interlocked.Add(ref TotalSamples, samples);
        Events.Enqueue("packet");
        return ValueTask.CompletedTask;
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        Events.Enqueue("flush");
        return ValueTask.CompletedTask;
    }

    /// <summary>A clip played beside the room's other voice (recorded as "clip", its packets kept like any other).</summary>
    public ValueTask SendClipAsync(OpusRecording clip, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Events.Enqueue("clip");
        foreach (var packet in clip.Packets)
        {
            Packets.Enqueue(packet.ToArray());
        }

        return ValueTask.CompletedTask;
    }
}
