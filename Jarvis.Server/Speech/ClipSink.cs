namespace Jarvis.Server.Speech;

/// <summary>A room that only keeps what it is sent, as a clip to play later (<see cref="RoomSpeech.RenderAsync"/>).</summary>
internal sealed class ClipSink(OpusRecording clip) : IRoomAudioSink
{
    public string Room => "";

    public ValueTask SendOpusAsync(ReadOnlyMemory<byte> packet, int samples, CancellationToken cancellationToken)
    {
        clip.Add(packet.Span, samples);
        return ValueTask.CompletedTask;
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask SendClipAsync(OpusRecording other, CancellationToken cancellationToken) => other.ReplayAsync(this, cancellationToken);
}
