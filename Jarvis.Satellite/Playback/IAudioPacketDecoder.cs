namespace Jarvis.Satellite.Playback;

/// <summary>Decodes downlink packets to mono PCM at <see cref="SampleRate"/> (Opus in production).</summary>
public interface IAudioPacketDecoder
{
    int SampleRate { get; }

    /// <summary>Samples the packet decodes to at <see cref="SampleRate"/> (0 when malformed).</summary>
    int GetSampleCount(ReadOnlySpan<byte> packet);

    int Decode(ReadOnlySpan<byte> packet, Span<short> pcm);

    /// <summary>Concealment for a lost packet of <paramref name="samples"/> samples.</summary>
    int DecodeLost(Span<short> pcm, int samples);

    /// <summary>Recovers a lost packet from the in-band FEC of the packet that followed it.</summary>
    int DecodeFec(ReadOnlySpan<byte> nextPacket, Span<short> pcm, int samples);
}
