namespace Jarvis.Server.Speech;

/// <summary>
/// Where a spoken answer goes: one room's satellite playback. The hub implements it over the satellite link.
/// A packet's memory is only valid during the call (the encoder reuses its buffer).
/// </summary>
public interface IRoomAudioSink
{
    string Room { get; }

    /// <summary>Sends one Opus packet of <paramref name="samples"/> samples at the room's output rate.</summary>
    ValueTask SendOpusAsync(ReadOnlyMemory<byte> packet, int samples, CancellationToken cancellationToken);

    /// <summary>Stops playback at once and drops what the satellite has buffered (handoff, interruption).</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Plays a short clip (an earcon, a one-word confirmation) without taking the room: where another voice is playing
    /// (the duplex model), the clip goes between its packets instead of cutting it.
    /// </summary>
    ValueTask SendClipAsync(OpusRecording clip, CancellationToken cancellationToken);
}
