namespace Jarvis.Server.Speech;

/// <summary>Passes packets through to a room and notes when the first one left (<see cref="TimeProvider.GetTimestamp"/>).</summary>
public sealed class TimingRoomSink(IRoomAudioSink inner, TimeProvider timeProvider) : IRoomAudioSink
{
    public string Room => inner.Room;

    public long? FirstPacketAt { get; private set; }

    public int Packets { get; private set; }

    public ValueTask SendOpusAsync(ReadOnlyMemory<byte> packet, int samples, CancellationToken cancellationToken)
    {
        FirstPacketAt ??= timeProvider.GetTimestamp();
        Packets++;
        return inner.SendOpusAsync(packet, samples, cancellationToken);
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public ValueTask SendClipAsync(OpusRecording clip, CancellationToken cancellationToken)
    {
        FirstPacketAt ??= timeProvider.GetTimestamp();
        Packets += clip.PacketCount;
        return inner.SendClipAsync(clip, cancellationToken);
    }
}
