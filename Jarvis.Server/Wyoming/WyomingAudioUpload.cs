namespace Jarvis.Server.Wyoming;

/// <summary>
/// The sending half of one audio stream to a Wyoming service (wake, ASR): <c>audio-chunk</c>s stamped with the
/// milliseconds of audio sent so far, then <c>audio-stop</c> at the end.
/// </summary>
internal sealed class WyomingAudioUpload(WyomingConnection connection, AudioFormat format)
{
    private long _bytesSent;

    /// <summary>Milliseconds of audio sent so far.</summary>
    public long TimestampMs => _bytesSent * 1000 / format.BytesPerSecond;

    public async ValueTask SendAsync(ReadOnlyMemory<byte> pcm, CancellationToken cancellationToken)
    {
        await connection.WriteAudioChunkAsync(format, TimestampMs, pcm, cancellationToken).ConfigureAwait(false);
        _bytesSent += pcm.Length;
    }

    public ValueTask StopAsync(CancellationToken cancellationToken) =>
        connection.WriteEventAsync(WyomingEvents.AudioStop(TimestampMs), cancellationToken);
}
